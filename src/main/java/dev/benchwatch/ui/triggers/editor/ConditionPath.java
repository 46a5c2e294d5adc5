package dev.benchwatch.ui.triggers.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a node sits in a condition tree: the root ({@code when} or {@code clear}) and the term index at each
 * level (the term of a NOT is index 0). It names a node three ways that must agree: the control ids
 * ({@code when.1.0}), the error keys ({@code when[1][0]}) and the edits of the immutable tree.
 */
public record ConditionPath(String root, List<Integer> indices) {
    public ConditionPath {
        indices = List.copyOf(indices);
    }

    public static ConditionPath root(String root) {
        return new ConditionPath(root, List.of());
    }

    /** Parses the id form, e.g. {@code when.1.0}. */
    public static ConditionPath parse(String text) {
        String[] parts = text.split("\\.");
        List<Integer> indices = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            indices.add(Integer.parseInt(parts[i]));
        }
        return new ConditionPath(parts[0], indices);
    }

    public ConditionPath child(int index) {
        List<Integer> next = new ArrayList<>(indices);
        next.add(index);
        return new ConditionPath(root, next);
    }

    public boolean isRoot() {
        return indices.isEmpty();
    }

    public ConditionPath parent() {
        return new ConditionPath(root, indices.subList(0, indices.size() - 1));
    }

    public int last() {
        return indices.getLast();
    }

    /** The id form: {@code when.1.0}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(root);
        indices.forEach(i -> out.append('.').append(i));
        return out.toString();
    }

    /** The error key of a field of the node here: {@code when[1][0].threshold}; the node itself with null. */
    public String key(String field) {
        StringBuilder out = new StringBuilder(root);
        indices.forEach(i -> out.append('[').append(i).append(']'));
        return field == null ? out.toString() : out.append('.').append(field).toString();
    }

    /** The node at this path in {@code tree}. */
    public ConditionForm at(ConditionForm tree) {
        ConditionForm node = tree;
        for (int index : indices) {
            node = switch (node) {
                case ConditionForm.Group g -> g.terms().get(index);
                case ConditionForm.Not n -> n.term();
                case ConditionForm.Row r -> throw new IllegalArgumentException("no node " + this);
            };
        }
        return node;
    }

    /** {@code tree} with the node at this path replaced by {@code edit} of it. */
    public ConditionForm update(ConditionForm tree, UnaryOperator<ConditionForm> edit) {
        return update(tree, 0, edit);
    }

    private ConditionForm update(ConditionForm node, int level, UnaryOperator<ConditionForm> edit) {
        if (level == indices.size()) {
            return edit.apply(node);
        }
        int index = indices.get(level);
        return switch (node) {
            case ConditionForm.Group g -> {
                List<ConditionForm> terms = new ArrayList<>(g.terms());
                terms.set(index, update(terms.get(index), level + 1, edit));
                yield g.withTerms(terms);
            }
            case ConditionForm.Not n -> new ConditionForm.Not(update(n.term(), level + 1, edit));
            case ConditionForm.Row r -> throw new IllegalArgumentException("no node " + this);
        };
    }

    /** {@code tree} without the node at this path; removing the term of a NOT removes the NOT too. */
    public ConditionForm remove(ConditionForm tree) {
        if (isRoot()) {
            throw new IllegalArgumentException("the root group cannot be removed");
        }
        ConditionPath parent = parent();
        if (parent.at(tree) instanceof ConditionForm.Not) {
            return parent.remove(tree);
        }
        return parent.update(tree, node -> {
            ConditionForm.Group g = (ConditionForm.Group) node;
            List<ConditionForm> terms = new ArrayList<>(g.terms());
            terms.remove(last());
            return g.withTerms(terms);
        });
    }
}
