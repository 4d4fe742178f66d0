package dev.berth.compose.print;

import dev.berth.compose.model.ComposeNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The entries of a mapping in the order, and with the omissions, that Go's encoders give the type behind it:
 * struct fields in declaration order without their zero values ({@code omitempty}), then, in YAML only, the
 * {@code x-} extensions sorted; map keys sorted (yaml.v3 compares digit runs as numbers, JSON compares bytes).
 */
final class ShapedEntries {

    /** One key to print, its value, the shape to print it with; {@code literal} is JSON text printed instead. */
    record Entry(String key, ComposeNode value, Shape shape, String literal) {
    }

    private ShapedEntries() {
    }

    static List<Entry> of(ComposeNode.Mapping mapping, Shape shape, boolean json) {
        List<Entry> entries = new ArrayList<>();
        if (shape instanceof Shape.Struct struct) {
            for (Map.Entry<String, Shape> field : struct.fields().entrySet()) {
                ComposeNode value = mapping.entries().get(field.getKey());
                String emptyJson = struct.jsonEmpty().get(field.getKey());
                if (value == null || omitted(value, field.getValue(), struct.keptFalse().contains(field.getKey()),
                        emptyJson != null)) {
                    if (json && emptyJson != null) {
                        entries.add(new Entry(field.getKey(), null, field.getValue(), emptyJson));
                    }
                    continue;
                }
                entries.add(new Entry(field.getKey(), value, field.getValue(), null));
            }
            mapping.entries().keySet().stream().filter(key -> !struct.fields().containsKey(key))
                    .filter(key -> !json || !key.startsWith("x-")).sorted(order(json))
                    .forEach(key -> entries.add(new Entry(key, mapping.entries().get(key), Shape.LEAF, null)));
            return entries;
        }
        Shape values = shape instanceof Shape.MapOf map ? map.values() : Shape.LEAF;
        mapping.entries().keySet().stream().sorted(order(json))
                .forEach(key -> entries.add(new Entry(key, mapping.entries().get(key), values, null)));
        return entries;
    }

    private static boolean omitted(ComposeNode value, Shape shape, boolean pointer, boolean valueStruct) {
        return switch (value) {
            case ComposeNode.Scalar scalar -> switch (scalar.type()) {
                case NULL -> true;
                case BOOL -> !pointer && scalar.text().equals("false");
                case INT -> !pointer && scalar.text().equals("0");
                case STRING -> scalar.text().isEmpty();
                case FLOAT -> false;
            };
            case ComposeNode.Sequence sequence -> sequence.items().isEmpty() && !pointer;
            case ComposeNode.Mapping mapping -> mapping.entries().isEmpty()
                    && (shape instanceof Shape.MapOf || valueStruct);
        };
    }

    static Comparator<String> order(boolean json) {
        return json ? Comparator.naturalOrder() : ShapedEntries::yamlKeyOrder;
    }

    /**
     * yaml.v3's order of string keys ({@code keyList.Less}): letters compare as characters; a letter against
     * another character comes after it, unless digits came just before; runs of digits compare as numbers.
     */
    static int yamlKeyOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return yamlLess(a, b) ? -1 : 1;
    }

    private static boolean yamlLess(String left, String right) {
        int[] a = left.codePoints().toArray();
        int[] b = right.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                digits = Character.isDigit(a[i]);
                continue;
            }
            boolean al = Character.isLetter(a[i]);
            boolean bl = Character.isLetter(b[i]);
            if (al && bl) {
                return a[i] < b[i];
            }
            if (al || bl) {
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (a[i] == '0' || b[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < a.length && Character.isDigit(a[ai]); ai++) {
                an = an * 10 + (a[ai] - '0');
            }
            int bi = i;
            for (; bi < b.length && Character.isDigit(b[bi]); bi++) {
                bn = bn * 10 + (b[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
