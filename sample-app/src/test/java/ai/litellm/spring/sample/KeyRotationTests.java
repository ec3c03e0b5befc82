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

package ai.litellm.spring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.litellm.spring.test.RawHttpClient;
import ai.litellm.spring.test.SampleAppFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A zero-downtime key rotation through a real server, with the keys in a directory laid
 * out as the kubelet mounts a Kubernetes Secret and updated as it updates one: a new
 * timestamped directory and an atomic swap of the {@code ..data} symlink. Scrapers keep
 * scraping all along; not one of their requests may fail, and the old key must be refused
 * once it is removed, without a restart.
 */
class KeyRotationTests extends SampleAppFixture {

	private static final String OLD_KEY = "sk-rotation-old-Kq71-key";

	private static final String NEW_KEY = "sk-rotation-new-Lw25-key";

	private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(10);

	private final AtomicInteger versions = new AtomicInteger();

	@TempDir
	Path secret;

	KeyRotationTests() {
		super(WebFluxSampleApp.WEB_FILTER);
	}

	@Test
	void rotatesTheKeyWithoutARestartAndWithoutAFailedScrape() throws Exception {
		publish(this.secret, "prometheus-old", OLD_KEY);
		ConfigurableApplicationContext app = app(new Class<?>[0], "litellm.metrics-auth.key-files-refresh=100ms",
				"litellm.master-key=", "litellm.metrics-auth.key-files=" + this.secret);
		RawHttpClient client = raw(app);
		AtomicReference<String> scrapeKey = new AtomicReference<>(OLD_KEY);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger scrapes = new AtomicInteger();
		List<String> failures = new ArrayList<>();
		CountDownLatch moved = new CountDownLatch(4);
		ExecutorService scrapers = Executors.newFixedThreadPool(4);
		List<Future<?>> loops = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		for (int i = 0; i < 4; i++) {
			loops.add(scrapers.submit(() -> {
				boolean onNewKey = false;
				while (!stop.get() && System.nanoTime() < deadline) {
					String key = scrapeKey.get();
					int status = client.send("GET", "/metrics", "Authorization: Bearer " + key).status();
					scrapes.incrementAndGet();
					if (status != 200) {
						synchronized (failures) {
							failures.add(status + " with the " + (key.equals(OLD_KEY) ? "old" : "new") + " key");
						}
					}
					if (!onNewKey && key.equals(NEW_KEY)) {
						onNewKey = true;
						moved.countDown();
					}
				}
			}));
		}
		try {
			awaitStatus(client, OLD_KEY, 200);
			assertThat(client.send("GET", "/metrics", "Authorization: Bearer " + NEW_KEY).status()).isEqualTo(401);
			// 1. The new key is added beside the old one; once it works, scrapers move.
			publish(this.secret, "prometheus-old", OLD_KEY, "prometheus-new", NEW_KEY);
			awaitStatus(client, NEW_KEY, 200);
			Thread.sleep(300);
			scrapeKey.set(NEW_KEY);
			// 2. Once every scraper has scraped with the new key, the old key is
			// removed; it is refused from then on.
			assertThat(moved.await(SWAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("every scraper moved").isTrue();
			publish(this.secret, "prometheus-new", NEW_KEY);
			awaitStatus(client, OLD_KEY, 401);
			Thread.sleep(300);
		}
		finally {
			stop.set(true);
			for (Future<?> loop : loops) {
				loop.get(30, TimeUnit.SECONDS);
			}
			scrapers.shutdown();
		}
		for (int i = 0; i < 20; i++) {
			assertThat(client.send("GET", "/metrics", "Authorization: Bearer " + OLD_KEY).status()).isEqualTo(401);
		}
		System.out.printf("Key rotation: %d scrapes during the rotation, %d failed%n", scrapes.get(), failures.size());
		assertThat(failures).as("failed scrapes").isEmpty();
		assertThat(scrapes.get()).isGreaterThan(20);
		assertThat(counted(app, "outcome", "accepted", "key", "prometheus-old")).isPositive();
		assertThat(counted(app, "outcome", "accepted", "key", "prometheus-new")).isPositive();
	}

	private static void awaitStatus(RawHttpClient client, String key, int status) {
		await().atMost(SWAP_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> client.send("GET", "/metrics", "Authorization: Bearer " + key).status(), (s) -> s == status);
	}

	// As the kubelet does: write a new version, swap ..data to it atomically, and link
	// each key's file to ..data.
	private void publish(Path secret, String... namesAndKeys) throws IOException {
		Path data = Files.createDirectory(secret.resolve("..2026_11_27_v" + this.versions.incrementAndGet()));
		for (int i = 0; i < namesAndKeys.length; i += 2) {
			Files.writeString(data.resolve(namesAndKeys[i]), namesAndKeys[i + 1] + "\n");
		}
		Path next = secret.resolve("..data_tmp");
		Files.createSymbolicLink(next, data.getFileName());
		Files.move(next, secret.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
		try (var entries = Files.list(secret)) {
			for (Path entry : entries.toList()) {
				if (!entry.getFileName().toString().startsWith(".")) {
					Files.delete(entry);
				}
			}
		}
		for (int i = 0; i < namesAndKeys.length; i += 2) {
			Files.createSymbolicLink(secret.resolve(namesAndKeys[i]), Path.of("..data", namesAndKeys[i]));
		}
	}

}
