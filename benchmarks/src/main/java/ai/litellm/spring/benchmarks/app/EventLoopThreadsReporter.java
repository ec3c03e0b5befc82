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

package ai.litellm.spring.benchmarks.app;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.ReactorNetty;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs the mode and Reactor Netty's event-loop threads once the server is up, so that a
 * run's log shows it really served from one thread.
 *
 * @author LiteLLM Spring Boot contributors
 */
class EventLoopThreadsReporter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(EventLoopThreadsReporter.class);

	static final String EVENT_LOOP_THREAD_PREFIX = "reactor-http-";

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		logger.info("bench.mode=" + environment.getProperty(LoadTestApplication.MODE_PROPERTY) + ", "
				+ ReactorNetty.IO_WORKER_COUNT + "=" + System.getProperty(ReactorNetty.IO_WORKER_COUNT)
				+ ", event-loop threads: " + eventLoopThreads());
	}

	static List<String> eventLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith(EVENT_LOOP_THREAD_PREFIX))
			.sorted()
			.toList();
	}

}
