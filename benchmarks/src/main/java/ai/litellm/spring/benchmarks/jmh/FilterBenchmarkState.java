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

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.WebFilter;

/**
 * What every filter benchmark shares: the JMH settings ({@code jmh.sh} can override
 * them), the application behind the filters, the subscriber, and Spring Security's
 * {@link WebFilterChainProxy} as the load-test application configures it.
 *
 * @author LiteLLM Spring Boot contributors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public abstract class FilterBenchmarkState {

	final TerminalHandler application = new TerminalHandler();

	final CompletionSubscriber subscriber = new CompletionSubscriber();

	private GenericApplicationContext securityContext;

	WebFilter springSecurity;

	@Setup
	public void setUp() {
		this.securityContext = BenchmarkFixtures.springSecurity();
		this.springSecurity = this.securityContext.getBean(WebFilterChainProxy.class);
		prepare();
	}

	/**
	 * Finish setting up, once Spring Security's filter is available.
	 */
	void prepare() {
	}

	@TearDown
	public void tearDown() {
		this.subscriber.assertNoErrors();
		this.securityContext.close();
	}

	/**
	 * Subscribe to a filter's result: a {@code Mono} that is not subscribed does nothing.
	 * @param result what the filter returned
	 */
	final void run(Mono<Void> result) {
		result.subscribe(this.subscriber);
	}

}
