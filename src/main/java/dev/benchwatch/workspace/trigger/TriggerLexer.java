package dev.benchwatch.workspace.trigger;

import java.util.ArrayList;
import java.util.List;

/** Splits trigger text into tokens, each with its offset; a character that fits nothing is a located error. */
final class TriggerLexer {

    enum Type {
        /** A name or keyword: a letter or '_', then letters, digits, '_', '.', '-'. */
        IDENT,
        /** A channel name in double quotes (for channels named like a keyword); text is the name. */
        QUOTED,
        NUMBER,
        /** Digits glued to letters: a duration such as {@code 10s} or {@code 1h30m} (checked by the parser). */
        DURATION,
        /** One of > >= < <= == !=. */
        OP,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EOF
    }

    /**
     * @param text   the token's value (a quoted name without its quotes)
     * @param raw    the token as written
     * @param offset where it starts in the text
     */
    record Token(Type type, String text, String raw, int offset) {
        boolean is(String keyword) {
            return type == Type.IDENT && text.equalsIgnoreCase(keyword);
        }

        /** How an error message shows it: {@code 'abc'}, or {@code the end of the text}. */
        String shown() {
            return type == Type.EOF ? "the end of the text" : "'" + raw + "'";
        }

        int end() {
            return offset + raw.length();
        }
    }

    private final String text;
    private int pos;

    private TriggerLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new TriggerLexer(text).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                out.add(new Token(Type.EOF, "", "", text.length()));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                return single(Type.LPAREN);
            }
            case ')' -> {
                return single(Type.RPAREN);
            }
            case '[' -> {
                return single(Type.LBRACKET);
            }
            case ']' -> {
                return single(Type.RBRACKET);
            }
            case ',' -> {
                return single(Type.COMMA);
            }
            case '>', '<' -> {
                pos += at(pos + 1) == '=' ? 2 : 1;
                return token(Type.OP, start);
            }
            case '=' -> {
                if (at(pos + 1) == '=') {
                    pos += 2;
                    return token(Type.OP, start);
                }
                throw error(start, 1, "'=' is not an operator; compare with '=='");
            }
            case '!' -> {
                if (at(pos + 1) == '=') {
                    pos += 2;
                    return token(Type.OP, start);
                }
                throw error(start, 1, "'!' is not an operator; use '!=' or 'not'");
            }
            case '&' -> throw error(start, 1, "unexpected character '&'; join conditions with 'and'");
            case '|' -> throw error(start, 1, "unexpected character '|'; join conditions with 'or'");
            case '"' -> {
                return quoted();
            }
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(at(pos + 1)))
                        || ((c == '-' || c == '+') && (isDigit(at(pos + 1))
                        || (at(pos + 1) == '.' && isDigit(at(pos + 2)))))) {
                    return number();
                }
                if (isLetter(c) || c == '_') {
                    pos++;
                    while (pos < text.length() && isNameChar(text.charAt(pos))) {
                        pos++;
                    }
                    return token(Type.IDENT, start);
                }
                int cp = text.codePointAt(pos);
                throw error(start, Character.charCount(cp), "unexpected character '" + Character.toString(cp) + "'");
            }
        }
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        digits();
        if (at(pos) == '.') {
            pos++;
            digits();
        }
        if ((at(pos) == 'e' || at(pos) == 'E')
                && (isDigit(at(pos + 1)) || ((at(pos + 1) == '-' || at(pos + 1) == '+') && isDigit(at(pos + 2))))) {
            pos += 2;
            digits();
        }
        if (isLetter(at(pos))) {
            while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos))
                    || text.charAt(pos) == '.')) {
                pos++;
            }
            return token(Type.DURATION, start);
        }
        return token(Type.NUMBER, start);
    }

    private Token quoted() {
        int start = pos;
        int close = pos + 1;
        while (close < text.length() && text.charAt(close) != '"' && text.charAt(close) != '\n') {
            close++;
        }
        if (close >= text.length() || text.charAt(close) != '"') {
            throw error(start, close - start, "the quoted channel name starting here has no closing '\"'");
        }
        pos = close + 1;
        return new Token(Type.QUOTED, text.substring(start + 1, close), text.substring(start, pos), start);
    }

    private void digits() {
        while (isDigit(at(pos))) {
            pos++;
        }
    }

    private Token single(Type type) {
        pos++;
        return token(type, pos - 1);
    }

    private Token token(Type type, int start) {
        String raw = text.substring(start, pos);
        return new Token(type, raw, raw, start);
    }

    private char at(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private TriggerSyntaxException error(int offset, int length, String detail) {
        return new TriggerSyntaxException(text, offset, length, text.substring(offset, offset + length), detail);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
