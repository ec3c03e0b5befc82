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

package ai.litellm.spring.archunit;

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard's own architecture (see the design page): one core that knows no stack, thin
 * adapters that know no Boot wiring, and no package cycles. Tests of this project, not
 * published rules: {@link PassThroughFilterRules} is what users apply to their own code.
 * <p>
 * Each rule is also shown to catch a violating class. Those fixtures live in the packages
 * the rules name, in this module's test sources
 * ({@code ai.litellm.spring.metrics.ArchitectureViolations} and its likes), so that the
 * very rules checked on the real classes are the ones shown to fail.
 */
class ArchitectureTests {

	private static final String CORE = "ai.litellm.spring.metrics";

	private static final String[] ADAPTERS = { "ai.litellm.spring.metrics.reactive..",
			"ai.litellm.spring.metrics.servlet.." };

	/**
	 * The core decides for every stack, so it reads a request only through its own header
	 * port and spring-web's {@code PathContainer} (in
	 * {@code org.springframework.http.server}), which both stacks parse.
	 */
	private static final ArchRule CORE_KNOWS_NO_STACK = ArchRuleDefinition.noClasses()
		.that()
		.resideInAPackage(CORE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.http.server.reactive..", "org.springframework.web.server..",
				"org.springframework.web.reactive..", "jakarta.servlet..", "reactor..", "org.springframework.boot..")
		.because("the core decides for every stack, and a user of one stack need not have the others");

	/**
	 * Adapters translate a stack's request for the core and write its verdict; the Boot
	 * wiring builds them, never the other way round.
	 */
	private static final ArchRule ADAPTERS_KNOW_NO_BOOT_WIRING = ArchRuleDefinition.noClasses()
		.that()
		.resideInAnyPackage(ADAPTERS)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("ai.litellm.spring.autoconfigure..", "org.springframework.boot..")
		.because("an adapter must be usable, and testable, without Spring Boot");

	/**
	 * Packages depend on each other in one direction: the Boot wiring on the adapters and
	 * the core, the adapters on the core.
	 */
	private static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
		.matching("ai.litellm.spring.(**)")
		.should()
		.beFreeOfCycles();

	@Test
	void ourClassesFollowTheRules() {
		JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(CORE, "ai.litellm.spring.autoconfigure");
		assertThat(ours.contain(MetricsGuard.class)).isTrue();
		assertThat(ours.contain(MetricsAuthWebFilter.class)).isTrue();
		assertThat(ours.contain(MetricsAuthHttpHandlerDecorator.class)).isTrue();
		assertThat(ours.contain(MetricsAuthServletFilter.class)).isTrue();
		assertThat(ours.containPackage("ai.litellm.spring.autoconfigure")).isTrue();
		CORE_KNOWS_NO_STACK.check(ours);
		ADAPTERS_KNOW_NO_BOOT_WIRING.check(ours);
		NO_PACKAGE_CYCLES.check(ours);
	}

	@Test
	void catchesACoreClassThatReadsTheExchange() {
		assertViolated(CORE_KNOWS_NO_STACK, ai.litellm.spring.metrics.ArchitectureViolations.ReadsTheExchange.class);
	}

	@Test
	void catchesACoreClassThatReadsAReactiveRequest() {
		assertViolated(CORE_KNOWS_NO_STACK,
				ai.litellm.spring.metrics.ArchitectureViolations.ReadsAReactiveRequest.class);
	}

	@Test
	void catchesACoreClassThatUsesWebFluxTypes() {
		assertViolated(CORE_KNOWS_NO_STACK, ai.litellm.spring.metrics.ArchitectureViolations.UsesWebFlux.class);
	}

	@Test
	void catchesACoreClassThatUsesReactor() {
		assertViolated(CORE_KNOWS_NO_STACK, ai.litellm.spring.metrics.ArchitectureViolations.UsesReactor.class);
	}

	@Test
	void catchesACoreClassThatUsesTheServletApi() {
		assertViolated(CORE_KNOWS_NO_STACK, ai.litellm.spring.metrics.ArchitectureViolations.UsesTheServletApi.class);
	}

	@Test
	void catchesACoreClassThatUsesSpringBoot() {
		assertViolated(CORE_KNOWS_NO_STACK, ai.litellm.spring.metrics.ArchitectureViolations.UsesSpringBoot.class);
	}

	@Test
	void acceptsACoreClassThatReadsAPathContainer() {
		CORE_KNOWS_NO_STACK
			.check(new ClassFileImporter().importClasses(ai.litellm.spring.metrics.ArchitectureViolations.None.class));
	}

	@Test
	void catchesAReactiveAdapterThatUsesTheBootWiring() {
		assertViolated(ADAPTERS_KNOW_NO_BOOT_WIRING,
				ai.litellm.spring.metrics.reactive.ArchitectureViolations.UsesTheBootWiring.class);
	}

	@Test
	void catchesAServletAdapterThatUsesTheBootWiring() {
		assertViolated(ADAPTERS_KNOW_NO_BOOT_WIRING,
				ai.litellm.spring.metrics.servlet.ArchitectureViolations.UsesTheBootWiring.class);
	}

	@Test
	void catchesAnAdapterThatUsesSpringBoot() {
		assertViolated(ADAPTERS_KNOW_NO_BOOT_WIRING,
				ai.litellm.spring.metrics.servlet.ArchitectureViolations.UsesSpringBoot.class);
	}

	@Test
	void catchesACycleBetweenTheCoreAndAnAdapter() {
		// The real WebFilter depends on the core; a core class that knows it closes the
		// cycle.
		JavaClasses classes = new ClassFileImporter().importClasses(
				ai.litellm.spring.metrics.ArchitectureViolations.KnowsAnAdapter.class, MetricsAuthWebFilter.class,
				MetricsGuard.class);
		EvaluationResult result = NO_PACKAGE_CYCLES.evaluate(classes);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anyMatch((line) -> line.contains("KnowsAnAdapter"));
	}

	private static void assertViolated(ArchRule rule, Class<?> violating) {
		EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violating));
		assertThat(result.hasViolation()).as("%s violates %s", violating.getName(), rule.getDescription()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anyMatch((line) -> line.contains(violating.getName()));
	}

}
