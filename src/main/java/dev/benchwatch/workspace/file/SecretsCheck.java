package dev.benchwatch.workspace.file;

import java.util.Locale;
import java.util.Map;

/**
 * Secrets never go into a workspace file: it is shared, versioned and mailed around. Any field whose name
 * says password, passphrase, secret, token or private key (other than the references {@code ...Env} and
 * {@code ...File}) is an error that says where the secret goes instead.
 */
final class SecretsCheck {
    private static final String[] WORDS = {"password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "privatekey"};

    private SecretsCheck() {
    }

    static boolean isSecret(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        if (lower.endsWith("env") || lower.endsWith("file")) {
            return false;
        }
        for (String word : WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static void check(Json value, String path, Problems problems) {
        switch (value) {
            case Json.Obj object -> {
                for (Map.Entry<String, Json.Member> entry : object.members().entrySet()) {
                    String name = entry.getKey();
                    String childPath = WorkspaceError.member(path, name);
                    if (isSecret(name)) {
                        problems.at(entry.getValue().nameLocation(), childPath, message(name));
                    } else {
                        check(entry.getValue().value(), childPath, problems);
                    }
                }
            }
            case Json.Arr array -> {
                for (int i = 0; i < array.items().size(); i++) {
                    check(array.items().get(i), WorkspaceError.index(path, i), problems);
                }
            }
            default -> {
            }
        }
    }

    static String message(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("passphrase")) {
            return "secrets never go into the workspace file: remove '" + name + "' and set keyPassphraseEnv to the "
                    + "name of an environment variable that holds the passphrase, or leave it out to be prompted";
        }
        if (lower.contains("password") || lower.contains("passwd")) {
            return "secrets never go into the workspace file: remove '" + name + "' and set passwordEnv (the name of "
                    + "an environment variable) or passwordFile (a file only you can read, chmod 600), or neither to "
                    + "be prompted when connecting";
        }
        return "secrets never go into the workspace file: remove '" + name + "' and keep the secret in an environment "
                + "variable or a file only you can read (chmod 600), named by a ...Env or ...File field";
    }
}
