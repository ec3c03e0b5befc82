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

package ai.litellm.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration properties for LiteLLM's metrics-endpoint guard.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@ConfigurationProperties("litellm")
public class LiteLlmProperties {

	/**
	 * Whether requests to the metrics endpoint must present a valid API key.
	 */
	private boolean requireAuthForMetricsEndpoint;

	/**
	 * API key that grants access to the metrics endpoint. When not set, the
	 * LITELLM_MASTER_KEY environment variable is used.
	 */
	private @Nullable String masterKey;

	private final MetricsAuth metricsAuth = new MetricsAuth();

	public boolean isRequireAuthForMetricsEndpoint() {
		return this.requireAuthForMetricsEndpoint;
	}

	public void setRequireAuthForMetricsEndpoint(boolean requireAuthForMetricsEndpoint) {
		this.requireAuthForMetricsEndpoint = requireAuthForMetricsEndpoint;
	}

	public @Nullable String getMasterKey() {
		return this.masterKey;
	}

	public void setMasterKey(@Nullable String masterKey) {
		this.masterKey = masterKey;
	}

	public MetricsAuth getMetricsAuth() {
		return this.metricsAuth;
	}

	/**
	 * How the metrics endpoint is guarded.
	 */
	public static class MetricsAuth {

		/**
		 * Paths that require an API key, each together with everything below it. Relative
		 * to the application's base path.
		 */
		private List<String> paths = new ArrayList<>(List.of("/metrics"));

		/**
		 * IDs of the actuator endpoints that require an API key wherever they are mapped,
		 * on the main and the management server.
		 */
		private List<String> actuatorEndpoints = new ArrayList<>(List.of("prometheus", "metrics"));

		/**
		 * Further API keys accepted besides the master key, such as the old and the new
		 * key while scrapers are moved to a new one.
		 */
		private List<String> keys = new ArrayList<>();

		/**
		 * SHA-256 digests (64 hex characters) of further accepted API keys, so that no
		 * plaintext key needs to be configured. A presented digest is not itself a key.
		 */
		private List<String> keyHashes = new ArrayList<>();

		/**
		 * Further accepted API keys by name, each a key in plain text or 'sha256:'
		 * followed by its hex SHA-256 digest. Accepted requests are counted and logged
		 * under the name.
		 */
		private Map<String, String> namedKeys = new LinkedHashMap<>();

		/**
		 * Files and directories to read further API keys from, such as a mounted
		 * Kubernetes Secret: a file holds one key, or its hex SHA-256 digest if named
		 * '*.sha256'; a directory holds one such file per key. They are re-read while the
		 * application runs.
		 */
		private List<String> keyFiles = new ArrayList<>();

		/**
		 * How often the key files are checked for changes.
		 */
		private Duration keyFilesRefresh = Duration.ofSeconds(5);

		/**
		 * Order of the guard's filter: the WebFilter on WebFlux, the servlet Filter on
		 * Spring MVC. The default runs it before Spring Security's filter chain.
		 */
		private int filterOrder = MetricsAuthWebFilter.DEFAULT_ORDER;

		/**
		 * Where the guard is plugged in on WebFlux: as an ordered WebFilter, or as an
		 * HttpHandler decorator around the whole application, below the WebFilter chain.
		 * Spring MVC always uses a servlet Filter.
		 */
		private Adapter adapter = Adapter.WEB_FILTER;

		/**
		 * How long the application's own key store (an ApiKeyAuthenticator or
		 * ReactiveApiKeyAuthenticator bean) may take to answer before the request is
		 * answered with a 503.
		 */
		private Duration authenticatorTimeout = Duration.ofSeconds(5);

		/**
		 * Maximum number of lookups of unknown keys in flight in the application's own
		 * key store; requests beyond it are answered with a 503. Keys it accepted before
		 * have as many places again.
		 */
		private int authenticatorMaxInFlight = 32;

		/**
		 * How long an answer of the application's own key store is remembered: a key
		 * revoked in the store stays accepted for up to this long. Zero switches the
		 * cache off.
		 */
		private Duration authenticatorCacheTtl = Duration.ofSeconds(10);

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getActuatorEndpoints() {
			return this.actuatorEndpoints;
		}

		public void setActuatorEndpoints(List<String> actuatorEndpoints) {
			this.actuatorEndpoints = actuatorEndpoints;
		}

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

		public List<String> getKeyHashes() {
			return this.keyHashes;
		}

		public void setKeyHashes(List<String> keyHashes) {
			this.keyHashes = keyHashes;
		}

		public Map<String, String> getNamedKeys() {
			return this.namedKeys;
		}

		public void setNamedKeys(Map<String, String> namedKeys) {
			this.namedKeys = namedKeys;
		}

		public List<String> getKeyFiles() {
			return this.keyFiles;
		}

		public void setKeyFiles(List<String> keyFiles) {
			this.keyFiles = keyFiles;
		}

		public Duration getKeyFilesRefresh() {
			return this.keyFilesRefresh;
		}

		public void setKeyFilesRefresh(Duration keyFilesRefresh) {
			this.keyFilesRefresh = positive(keyFilesRefresh);
		}

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

		public Adapter getAdapter() {
			return this.adapter;
		}

		public void setAdapter(Adapter adapter) {
			this.adapter = adapter;
		}

		public Duration getAuthenticatorTimeout() {
			return this.authenticatorTimeout;
		}

		public void setAuthenticatorTimeout(Duration authenticatorTimeout) {
			this.authenticatorTimeout = positive(authenticatorTimeout);
		}

		public int getAuthenticatorMaxInFlight() {
			return this.authenticatorMaxInFlight;
		}

		public void setAuthenticatorMaxInFlight(int authenticatorMaxInFlight) {
			Assert.isTrue(authenticatorMaxInFlight > 0, "must be at least 1");
			this.authenticatorMaxInFlight = authenticatorMaxInFlight;
		}

		public Duration getAuthenticatorCacheTtl() {
			return this.authenticatorCacheTtl;
		}

		public void setAuthenticatorCacheTtl(Duration authenticatorCacheTtl) {
			Assert.isTrue(!authenticatorCacheTtl.isNegative(), "must not be negative (zero switches the cache off)");
			this.authenticatorCacheTtl = authenticatorCacheTtl;
		}

		private static Duration positive(Duration duration) {
			Assert.isTrue(duration.compareTo(Duration.ZERO) > 0, "must be positive");
			return duration;
		}

	}

	/**
	 * Where the guard is plugged into the request handling.
	 */
	public enum Adapter {

		/**
		 * An ordered WebFilter, the usual extension point.
		 */
		WEB_FILTER,

		/**
		 * An HttpHandler decorator, below the WebFilter chain.
		 */
		HTTP_HANDLER

	}

}
