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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetector.Level;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every test class with Netty's leak detector at {@code paranoid} and fails the class if a leak is reported.
 */
public final class NettyLeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

	private static final List<String> leaks = new CopyOnWriteArrayList<>();

	static {
		ResourceLeakDetector.setLevel(Level.PARANOID);
		ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.PARANOID);
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		assertThat(surfaceLeaks()).as("Netty buffer leaks reported").isEmpty();
	}

	static List<String> surfaceLeaks() throws InterruptedException {
		triggerDetection();
		List<String> reported = List.copyOf(leaks);
		leaks.removeAll(reported);
		return reported;
	}

	// Leaks are found when a leaked buffer has been collected and the next buffer is
	// tracked: collect, then allocate a few tracked buffers.
	private static void triggerDetection() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
			for (ByteBufAllocator allocator : List.of(PooledByteBufAllocator.DEFAULT,
					UnpooledByteBufAllocator.DEFAULT)) {
				allocator.buffer(1).release();
				allocator.directBuffer(1).release();
			}
		}
	}

	private static final class RecordingFactory extends ResourceLeakDetectorFactory {

		@Override
		public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
				long maxActive) {
			return new RecordingDetector<>(resource, samplingInterval);
		}

	}

	private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

		RecordingDetector(Class<T> resource, int samplingInterval) {
			super(resource, samplingInterval);
		}

		@Override
		protected boolean needReport() {
			return true;
		}

		@Override
		protected void reportTracedLeak(String resourceType, String records) {
			leaks.add("LEAK: " + resourceType + records);
		}

		@Override
		protected void reportUntracedLeak(String resourceType) {
			leaks.add("LEAK: " + resourceType);
		}

	}

}
