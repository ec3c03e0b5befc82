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

package ai.litellm.spring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A {@link MockHttpServletResponse} that a benchmark can write again and again after a
 * {@link #recycle()}, as a container recycles its response objects, and whose output
 * stream takes a body in one copy, as a container's does.
 * <p>
 * Why not the plain mock: its output stream only implements {@code write(int)}, so
 * {@code write(byte[])} falls back to {@code OutputStream}'s loop over single bytes, each
 * a synchronized write followed by a flush. Writing the starter's 250-byte 401 body then
 * takes about 12 µs, many times what the filter itself does, and the benchmark would time
 * the mock. Tomcat's {@code CoyoteOutputStream} copies the array at once. The status,
 * headers and content type still go through the mock as they are.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class ReusableHttpServletResponse extends MockHttpServletResponse {

	private final BulkOutputStream body = new BulkOutputStream();

	/**
	 * Make the response new again: not committed, no status, headers or body. Does not
	 * allocate.
	 */
	public void recycle() {
		setCommitted(false);
		reset();
		this.body.count = 0;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		return this.body;
	}

	/**
	 * Return the body written since the last {@link #recycle()}.
	 * @return the body as UTF-8 text
	 */
	public String getBody() {
		return new String(this.body.buffer, 0, this.body.count, StandardCharsets.UTF_8);
	}

	private final class BulkOutputStream extends ServletOutputStream {

		private byte[] buffer = new byte[1024];

		private int count;

		@Override
		public void write(int b) {
			ensureCapacity(this.count + 1);
			this.buffer[this.count++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			ensureCapacity(this.count + length);
			System.arraycopy(bytes, offset, this.buffer, this.count, length);
			this.count += length;
		}

		@Override
		public void flush() {
			setCommitted(true);
		}

		private void ensureCapacity(int capacity) {
			if (capacity > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(capacity, this.buffer.length * 2));
			}
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			throw new UnsupportedOperationException("Blocking only");
		}

	}

}
