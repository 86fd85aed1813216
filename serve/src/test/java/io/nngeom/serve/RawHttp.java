package io.nngeom.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test client on a raw socket, so that any Host, Origin, length or chunking can be sent (Java's and Node's HTTP
 * clients refuse to send a foreign Host header).
 */
final class RawHttp {
    /** Status and body of an answer. */
    record Answer(int status, String head, String body) {
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    String origin() {
        return "http://" + host();
    }

    Answer get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    Answer post(String path, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: " + host() + "\r\nOrigin: " + origin() + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n", b);
    }

    Answer json(String path, String body) throws IOException {
        return post(path, "application/json", body);
    }

    /** Sends {@code head} (with its blank line) and {@code body} as they are, and reads the whole answer. */
    Answer send(String head, byte[] body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream o = s.getOutputStream();
            o.write(head.getBytes(StandardCharsets.ISO_8859_1));
            o.write(body);
            o.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                got.write(c);
            }
            String h = got.toString(StandardCharsets.ISO_8859_1).trim();
            String lower = h.toLowerCase(Locale.ROOT);
            String rest;
            Matcher m = Pattern.compile("content-length: *(\\d+)").matcher(lower);
            if (m.find()) {
                rest = new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
            } else {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                rest = all.toString(StandardCharsets.UTF_8);
                if (lower.contains("transfer-encoding: chunked")) {
                    rest = dechunk(rest);
                }
            }
            int status = Integer.parseInt(h.substring(9, 12));
            return new Answer(status, h, rest);
        }
    }

    private static String dechunk(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int n = Integer.parseInt(s.substring(i, nl).trim(), 16);
            if (n == 0) {
                break;
            }
            b.append(s, nl + 2, Math.min(s.length(), nl + 2 + n));
            i = nl + 2 + n + 2;
        }
        return b.toString();
    }
}
