package dev.influence4j.autoconfigure.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, for requests no well-behaved client sends: header values with bytes
 * outside ASCII, empty headers, any method, any path. One request per connection.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Send one request.
	 * @param method the method
	 * @param path the path, sent as it is
	 * @param headers header lines as name and value; the value's UTF-8 bytes are sent as they are
	 * @param body the body, sent with its Content-Length
	 * @return the answer
	 */
	Answer send(String method, String path, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
			headers.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
			request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			request.writeBytes(body);
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	/** A parsed answer; chunked bodies are not decoded (influence4j answers with a Content-Length). */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
				}
			}
			return new Answer(status, headers, body);
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
