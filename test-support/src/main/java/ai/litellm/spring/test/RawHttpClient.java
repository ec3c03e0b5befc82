/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.litellm.spring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends one HTTP/1.1 request to a loopback port byte for byte, so that a request target
 * reaches the server exactly as written: no client normalises or re-encodes it.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class RawHttpClient {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final int port;

	public RawHttpClient(int port) {
		this.port = port;
	}

	/**
	 * Assert that a target is guarded: a 401 without a key, never the metrics, and the
	 * metrics for the key.
	 * @param target the request target
	 * @param key a valid key
	 * @param headerLines more header lines of both requests
	 */
	public void assertGuarded(String target, String key, String... headerLines) {
		RawResponse rejected = send("GET", target, headerLines);
		assertThat(rejected.status()).as(target).isEqualTo(401);
		assertThat(rejected.body()).as(target).doesNotContain("# TYPE");
		RawResponse served = send("GET", target,
				Stream.concat(Stream.of(headerLines), Stream.of("Authorization: Bearer " + key))
					.toArray(String[]::new));
		assertThat(served.status()).as(target).isEqualTo(200);
		assertThat(served.body()).as(target).contains("# TYPE jvm_");
	}

	public RawResponse send(String method, String target, String... headerLines) {
		StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		request.append("Host: localhost:").append(this.port).append("\r\n");
		for (String header : headerLines) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return exchange(request.toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	public RawResponse exchange(byte[] request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return RawResponse.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (SocketException ex) {
			// The server closed the connection before reading the whole request.
			return RawResponse.CLOSED_WITHOUT_RESPONSE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record RawResponse(int status, String head, String body) {

		/**
		 * What a connection the server reset before answering yields.
		 */
		public static final RawResponse CLOSED_WITHOUT_RESPONSE = new RawResponse(-1, "", "");

		static RawResponse parse(String response) {
			int endOfHead = response.indexOf("\r\n\r\n");
			String head = (endOfHead >= 0) ? response.substring(0, endOfHead) : response;
			String body = (endOfHead >= 0) ? response.substring(endOfHead + 4) : "";
			String[] statusLine = head.split(" ", 3);
			int status = (statusLine.length > 1) ? Integer.parseInt(statusLine[1]) : -1;
			return new RawResponse(status, head, body);
		}

	}

}
