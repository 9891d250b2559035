package dev.influence4j.benchmarks.webhooks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One sender's own keep-alive HTTP/1.1 connection, written and read on the sender's thread with blocking
 * socket calls. The JDK's {@code HttpClient} funnels every connection through one selector thread and a
 * synchronized connection pool; with 32 senders on 2 cores that made the sending side the bottleneck, so the
 * benchmark uses this by default ({@code client=socket}). It sends exactly what {@code HttpClient} sends for a
 * POST (request line, Host, Content-Length, the caller's headers) and reads what Tomcat answers: a body by
 * Content-Length, chunked, or up to the end of the connection. When the server says {@code Connection: close}
 * (Tomcat does after 100 requests on a connection) or anything goes wrong, the next post opens a new
 * connection; a post is never retried.
 */
final class Http1Connection implements Closeable {

	private final InetSocketAddress address;

	private final byte[] requestLineAndHost;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	Http1Connection(URI endpoint) {
		this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
		this.requestLineAndHost = ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":"
				+ endpoint.getPort() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Post a body.
	 * @param headers header lines, each ending with CRLF, without Host and Content-Length
	 * @param body the body
	 * @return the answer
	 * @throws IOException when there was no complete answer (the connection is then closed)
	 */
	Answer post(String headers, byte[] body) throws IOException {
		try {
			if (this.socket == null) {
				connect();
			}
			ByteArrayOutputStream request = new ByteArrayOutputStream(512 + body.length);
			request.write(this.requestLineAndHost);
			request.write((headers + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			request.write(body);
			request.writeTo(this.out);
			this.out.flush();
			return readAnswer();
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(this.address, 5_000);
		socket.setSoTimeout(30_000);
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream(), 8_192);
		this.out = socket.getOutputStream();
	}

	private Answer readAnswer() throws IOException {
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.x status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = statusLine.startsWith("HTTP/1.0");
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.contains("chunked");
				case "connection" -> close = value.contains("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			body = chunkedBody();
		}
		else if (contentLength >= 0) {
			body = exactly((int) contentLength);
		}
		else {
			body = this.in.readAllBytes();
			close = true;
		}
		if (close) {
			close();
		}
		return new Answer(status, new String(body, StandardCharsets.UTF_8));
	}

	private byte[] chunkedBody() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
			body.write(exactly(size));
			line();
		}
		while (!line().isEmpty()) {
			// trailers
		}
		return body.toByteArray();
	}

	private static int chunkSize(String line) {
		int extension = line.indexOf(';');
		return Integer.parseInt(((extension >= 0) ? line.substring(0, extension) : line).strip(), 16);
	}

	private byte[] exactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("connection closed after " + bytes.length + " of " + length + " bytes");
		}
		return bytes;
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new EOFException("connection closed in the middle of an answer");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/**
	 * An answer.
	 * @param status the status code
	 * @param body the body as text
	 */
	record Answer(int status, String body) {
	}

}
