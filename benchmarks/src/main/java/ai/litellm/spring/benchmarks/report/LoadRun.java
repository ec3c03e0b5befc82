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

package ai.litellm.spring.benchmarks.report;

/**
 * One wrk run against one mode's server in one round of one pass.
 *
 * @param pass which pass, such as {@code health-1000}
 * @param title what the pass measures, for people
 * @param round the round, from 1
 * @param mode the server's mode
 * @param cpuSeconds the server process's user and system CPU time during the run
 * @param wrk what wrk reported
 * @author LiteLLM Spring Boot contributors
 */
record LoadRun(String pass, String title, int round, String mode, double cpuSeconds, WrkResult wrk) {

	/**
	 * Return the server's CPU time per completed request, in microseconds.
	 */
	double cpuMicrosPerRequest() {
		return (this.wrk.requests() > 0) ? this.cpuSeconds * 1_000_000 / this.wrk.requests() : Double.NaN;
	}

}
