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

package ai.litellm.spring.metrics.reactive;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

import com.sun.management.ThreadMXBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Measures what a call allocates on the current thread, for the fast-path allocation
 * tests of both stacks: the thread's counter is exact whatever else the machine is doing,
 * which no timing is.
 */
public final class AllocationMeter {

	private static final int WARM_UP_CALLS = 50_000;

	private static final int MEASURED_CALLS = 200_000;

	private AllocationMeter() {
	}

	/**
	 * Return the bytes one call allocates once warmed up, after checking that every
	 * measured call reached the application.
	 * @param call the call
	 * @param handled how many calls the application has counted so far
	 * @return the bytes per call
	 * @throws Exception what the call throws
	 */
	public static double bytesPerCall(Call call, LongSupplier handled) throws Exception {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		threads.setThreadAllocatedMemoryEnabled(true);
		for (int i = 0; i < WARM_UP_CALLS; i++) {
			call.run();
		}
		long handledBefore = handled.getAsLong();
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < MEASURED_CALLS; i++) {
			call.run();
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(handled.getAsLong() - handledBefore).as("calls that reached the application")
			.isEqualTo(MEASURED_CALLS);
		return (double) allocated / MEASURED_CALLS;
	}

	/**
	 * One call of the code under measure.
	 */
	@FunctionalInterface
	public interface Call {

		void run() throws Exception;

	}

}
