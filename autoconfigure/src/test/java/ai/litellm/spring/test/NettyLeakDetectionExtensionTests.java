package ai.litellm.spring.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that {@link NettyLeakDetectionExtension} would catch a leak.
 */
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
