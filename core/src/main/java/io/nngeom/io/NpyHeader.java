package io.nngeom.io;

import io.nngeom.run.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for the Python dict literal of a {@code .npy} header: strings, True/False, integers, tuples and lists,
 * nested at most {@link #MAX_DEPTH} deep (so a hostile header cannot exhaust the stack).
 */
final class NpyHeader {
    /** Deepest nesting of dicts, tuples and lists accepted (NumPy's own headers nest 2 deep). */
    static final int MAX_DEPTH = 16;
    private final String s;
    private final String source;
    private int p;
    private int depth;

    private NpyHeader(String s, String source) {
        this.s = s;
        this.source = source;
    }

    static Map<String, Object> parse(String header, String source) {
        NpyHeader hp = new NpyHeader(header, source);
        hp.skip();
        Object v = hp.value();
        hp.skip();
        if (hp.p != hp.s.length()) {
            throw hp.error("unexpected text after the dictionary");
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw hp.error("expected a dictionary");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put((String) e.getKey(), e.getValue());
        }
        return out;
    }

    private InputException error(String what) {
        return InputException.of(source, "malformed .npy header: " + what);
    }

    private void skip() {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
    }

    private Object value() {
        skip();
        if (p >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(p);
        if ((c == '{' || c == '(' || c == '[') && ++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        if (c == '{') {
            p++;
            Map<String, Object> m = new LinkedHashMap<>();
            while (true) {
                skip();
                if (p < s.length() && s.charAt(p) == '}') {
                    p++;
                    depth--;
                    return m;
                }
                Object k = value();
                if (!(k instanceof String key)) {
                    throw error("dictionary keys must be strings");
                }
                skip();
                expect(':');
                m.put(key, value());
                skip();
                if (p < s.length() && s.charAt(p) == ',') {
                    p++;
                } else if (p < s.length() && s.charAt(p) == '}') {
                    p++;
                    depth--;
                    return m;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }
        if (c == '(' || c == '[') {
            char close = c == '(' ? ')' : ']';
            p++;
            List<Object> l = new ArrayList<>();
            while (true) {
                skip();
                if (p < s.length() && s.charAt(p) == close) {
                    p++;
                    depth--;
                    return l;
                }
                l.add(value());
                skip();
                if (p < s.length() && s.charAt(p) == ',') {
                    p++;
                } else if (p < s.length() && s.charAt(p) == close) {
                    p++;
                    depth--;
                    return l;
                } else {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }
        if (c == '\'' || c == '"') {
            int end = s.indexOf(c, p + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String str = s.substring(p + 1, end);
            p = end + 1;
            return str;
        }
        if (Character.isDigit(c) || c == '-') {
            int q = p + 1;
            while (q < s.length() && Character.isDigit(s.charAt(q))) {
                q++;
            }
            String num = s.substring(p, q);
            if (q < s.length() && (s.charAt(q) == 'L' || s.charAt(q) == 'l')) {
                q++;
            }
            p = q;
            try {
                return Long.parseLong(num);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + num + "'");
            }
        }
        if (s.startsWith("True", p)) {
            p += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("False", p)) {
            p += 5;
            return Boolean.FALSE;
        }
        throw error("unexpected character '" + c + "'");
    }

    private void expect(char c) {
        if (p >= s.length() || s.charAt(p) != c) {
            throw error("expected '" + c + "'");
        }
        p++;
    }

    static String show(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(show(l.get(i)));
            }
            return sb.append(l.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof String str) {
            return "'" + str + "'";
        }
        return String.valueOf(v);
    }
}
