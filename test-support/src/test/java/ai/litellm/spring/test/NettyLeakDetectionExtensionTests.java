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

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that {@link NettyLeakDetectionExtension} would catch a leak. Registered here
 * explicitly: it must install its detector before the first buffer is made, and this
 * module does not turn on extension autodetection.
 */
@ExtendWith(NettyLeakDetectionExtension.class)
class NettyLeakDetectionExtensionTests {

	@Test
	void reportsABufferThatWasNeverReleased() throws InterruptedException {
		leakOneBuffer();
		assertThat(NettyLeakDetectionExtension.surfaceLeaks()).singleElement().asString().startsWith("LEAK: ByteBuf");
	}

	@Test
	void reportsNothingWhenEveryBufferIsReleased() throws InterruptedException {
		ByteBuf buffer = UnpooledByteBufAllocator.DEFAULT.directBuffer(64);
		buffer.writeLong(42);
		buffer.release();
		assertThat(NettyLeakDetectionExtension.surfaceLeaks()).isEmpty();
	}

	private static void leakOneBuffer() {
		UnpooledByteBufAllocator.DEFAULT.directBuffer(64).writeLong(42);
	}

}
