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
