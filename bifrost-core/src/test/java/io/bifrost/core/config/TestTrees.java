package io.bifrost.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds plain trees for tests from a compact flow syntax: {@code {server: {http: {listen: ':7080'}}, backends: [{name:
 * direct}]}}. Quoted scalars ({@code '...'} or {@code "..."}) are strings; bare {@code true}/{@code false}/{@code null},
 * integers and decimals are typed; any other bare word is a string. The result has the shape the YAML adapter
 * produces (LinkedHashMap in order, ArrayList, String, Boolean, Long, Double, null).
 */
final class TestTrees {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private final String text;
    private int pos;

    private TestTrees(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        TestTrees p = new TestTrees(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("trailing text at " + p.pos + ": " + text.substring(p.pos));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String text) {
        return (Map<String, Object>) parse(text);
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '{') {
            return mapping();
        }
        if (c == '[') {
            return sequence();
        }
        if (c == '\'' || c == '"') {
            return quoted();
        }
        return bare(word());
    }

    private Map<String, Object> mapping() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        while (text.charAt(pos) != '}') {
            skipSpace();
            String key = text.charAt(pos) == '\'' || text.charAt(pos) == '"' ? quoted() : word().strip();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            }
        }
        pos++;
        return map;
    }

    private List<Object> sequence() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        while (text.charAt(pos) != ']') {
            list.add(value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            }
        }
        pos++;
        return list;
    }

    private String quoted() {
        char q = text.charAt(pos++);
        int end = text.indexOf(q, pos);
        String s = text.substring(pos, end);
        pos = end + 1;
        return s;
    }

    /** A bare word ends at {@code ,}, {@code ]}, {@code }} or, for keys, at {@code :} followed by a space. */
    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == ']' || c == '}'
                    || (c == ':' && (pos + 1 == text.length() || text.charAt(pos + 1) == ' '))) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private static Object bare(String w) {
        if (w.equals("true") || w.equals("false")) {
            return Boolean.valueOf(w);
        }
        if (w.equals("null")) {
            return null;
        }
        if (INTEGER.matcher(w).matches()) {
            return Long.valueOf(w);
        }
        if (DECIMAL.matcher(w).matches()) {
            return Double.valueOf(w);
        }
        return w;
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text.substring(pos));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
