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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base of the shared fixtures: starts the sample app through its stack's
 * {@link SampleApp}, once per setup, and stops every app it started after the class.
 *
 * @author LiteLLM Spring Boot contributors
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class SampleAppFixture {

	/**
	 * The key of the guarded apps.
	 */
	public static final String KEY = "sk-sample-Zx81-key";

	protected final SampleApp sampleApp;

	private final Map<List<?>, ConfigurableApplicationContext> apps = new LinkedHashMap<>();

	protected SampleAppFixture(SampleApp sampleApp) {
		this.sampleApp = sampleApp;
	}

	protected ConfigurableApplicationContext guarded(String... settings) {
		return guarded(new Class<?>[0], settings);
	}

	protected ConfigurableApplicationContext guarded(Class<?>[] sources, String... settings) {
		return app(sources,
				Stream.concat(Stream.of("litellm.master-key=" + KEY), Stream.of(settings)).toArray(String[]::new));
	}

	protected ConfigurableApplicationContext app(Class<?>[] sources, String... settings) {
		return this.apps.computeIfAbsent(List.of(List.of(sources), List.of(settings)),
				(key) -> start(sources, settings));
	}

	protected ConfigurableApplicationContext start(Class<?>[] sources, String... settings) {
		String[] args = Stream.concat(Stream.of("server.port=0", "spring.main.banner-mode=off"), Stream.of(settings))
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
		return this.sampleApp.run(sources, args);
	}

	public static RawHttpClient raw(ConfigurableApplicationContext app) {
		return new RawHttpClient(port(app));
	}

	protected static int port(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	// What the guard of an app counted with the given tags (keys and values), summed.
	protected static double counted(ConfigurableApplicationContext app, String... tags) {
		return app.getBean(MeterRegistry.class)
			.find("litellm.metrics.auth")
			.tags(tags)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	@AfterAll
	void stopTheApps() {
		this.apps.values().forEach(ConfigurableApplicationContext::close);
	}

	/**
	 * How a stack runs its sample app, and what the shared fixtures need to know of it.
	 */
	public interface SampleApp {

		ConfigurableApplicationContext run(Class<?>[] sources, String... args);

		Class<?> caseInsensitiveRouting();

		List<Prefix> prefixes();

		default int statusOfAPathThatEndsAPrefixInsideASegment() {
			return 401;
		}

		default Set<String> spellings(List<String> paths) {
			return MetricsPathSpellings.of(paths);
		}

		/**
		 * A prefix of the application's paths.
		 *
		 * @param path the prefix
		 * @param settings the properties that set it
		 */
		record Prefix(String path, String... settings) {

			@Override
			public String toString() {
				return this.path;
			}

		}

	}

}
