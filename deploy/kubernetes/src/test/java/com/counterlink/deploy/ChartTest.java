package com.counterlink.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart, linted and rendered by Helm itself (helm-java: Helm's Go code as a native library from Maven
 * Central), and what the rendered manifests promise an operator: enough replicas that rolling one at a time never
 * leaves none, probes on the health endpoints, resources, a disruption budget, migrations in a hook Job before the
 * new version serves, and secrets only ever referenced.
 */
class ChartTest {

    private static final Path REPO = Path.of(System.getProperty("counterlink.repo.root", "../..")).toAbsolutePath().normalize();
    private static final Path CHART = REPO.resolve("deploy/kubernetes/counterlink");
    private static final Path EXAMPLE_VALUES = REPO.resolve("deploy/kubernetes/example-values.yaml");
    private static final String SECRET = "counterlink";
    /** Helm acts on annotations named exactly helm.sh/hook...; under this prefix they are plain annotations. */
    private static final String UNHOOKED = "unhooked.";

    @TempDir
    static Path work;

    /**
     * The chart as {@code helm template} shows it. helm-java's template leaves hooks out (it returns the release's
     * manifest, while the helm command adds the hooks after it), so the tests render a copy whose hook annotations
     * are renamed: Helm then renders the migration Job like any manifest, and {@link #render} names them back.
     */
    static Path renderable;

    @BeforeAll
    static void aCopyWhoseHooksHelmRendersAsManifests() throws IOException {
        renderable = copyChart(work.resolve("renderable"));
        try (Stream<Path> templates = Files.list(renderable.resolve("templates"))) {
            for (Path template : templates.toList()) {
                Files.writeString(template, Files.readString(template).replace("\"helm.sh/hook", "\"" + UNHOOKED + "helm.sh/hook"));
            }
        }
    }

    @Test
    void helmLintFindsNothingWithTheExampleValues() throws IOException {
        // helm lint reads the chart's own values.yaml: lint a copy whose values are the example install's
        Path chart = copyChart(work.resolve("lint"));
        Map<String, Object> values = merge(yaml(CHART.resolve("values.yaml")), yaml(EXAMPLE_VALUES));
        Files.writeString(chart.resolve("values.yaml"), new Yaml(blockStyle()).dump(values));

        LintResult lint = new Helm(chart).lint().strict().call();

        List<String> problems = lint.getMessages().stream()
                .filter(message -> message.contains("[ERROR]") || message.contains("[WARNING]")).toList();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
        assertEquals(List.of(), problems);
    }

    @Test
    void theBackendRunsAtLeastTwoReplicasAndRollsWithNoneUnavailable() {
        Map<String, Object> deployment = render().one("Deployment");

        assertTrue(((Number) at(deployment, "spec.replicas")).intValue() >= 2);
        assertEquals("RollingUpdate", at(deployment, "spec.strategy.type"));
        assertEquals(0, at(deployment, "spec.strategy.rollingUpdate.maxUnavailable"));
        assertTrue(((Number) at(deployment, "spec.strategy.rollingUpdate.maxSurge")).intValue() >= 1);
    }

    @Test
    void fewerThanTwoReplicasAreRefusedWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> render(Map.of("replicaCount", 1)));
        assertTrue(refused.getMessage().contains("replicaCount must be at least 2"), refused.getMessage());
    }

    @Test
    void probesAskTheHealthEndpointsOnTheHttpPort() {
        Map<String, Object> backend = container(render().one("Deployment"), "backend");

        assertEquals("/health/liveness", at(backend, "startupProbe.httpGet.path"));
        assertEquals("/health/readiness", at(backend, "readinessProbe.httpGet.path"));
        assertEquals("/health/liveness", at(backend, "livenessProbe.httpGet.path"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("http", at(backend, probe + ".httpGet.port"), probe);
        }
        assertTrue(((Number) at(backend, "startupProbe.failureThreshold")).intValue()
                * ((Number) at(backend, "startupProbe.periodSeconds")).intValue() >= 120, "time enough to start");
    }

    @Test
    void everyContainerHasResourceRequestsAndAMemoryLimit() {
        Rendered rendered = render();
        List<Map<String, Object>> containers = new ArrayList<>(containers(rendered.one("Deployment")));
        containers.addAll(containers(rendered.one("Job")));
        for (Map<String, Object> container : containers) {
            assertNotNull(at(container, "resources.requests.cpu"), container.get("name") + " cpu request");
            assertNotNull(at(container, "resources.requests.memory"), container.get("name") + " memory request");
            assertNotNull(at(container, "resources.limits.memory"), container.get("name") + " memory limit");
        }
    }

    @Test
    void aDisruptionBudgetLetsOnlyOneReplicaGoAtATime() {
        Rendered rendered = render();
        Map<String, Object> budget = rendered.one("PodDisruptionBudget");

        assertEquals("policy/v1", budget.get("apiVersion"));
        assertEquals(1, at(budget, "spec.maxUnavailable"));
        Map<String, Object> podLabels = map(at(rendered.one("Deployment"), "spec.template.metadata.labels"));
        assertEquals(podLabels, merge(podLabels, map(at(budget, "spec.selector.matchLabels"))),
                "the budget selects the backend's pods");
    }

    @Test
    void migrationsRunOnceInAHookJobBeforeTheNewVersionStarts() {
        Rendered rendered = render();
        Map<String, Object> job = rendered.one("Job");
        Map<String, Object> deployment = rendered.one("Deployment");
        Map<String, Object> migrate = container(job, "migrate");

        assertEquals("pre-install,pre-upgrade", at(job, "metadata.annotations.helm\\.sh/hook"));
        assertTrue(((String) at(job, "metadata.annotations.helm\\.sh/hook-delete-policy")).contains("before-hook-creation"));
        assertEquals("Never", at(job, "spec.template.spec.restartPolicy"));
        assertEquals(container(deployment, "backend").get("image"), migrate.get("image"), "the same image");
        assertEquals("true", env(migrate).get(migrateOnlySwitch()));
        assertEquals("false", env(container(deployment, "backend")).get("FLYWAY_DATASOURCES_OWNER_ENABLED"),
                "the replicas leave migrations to the Job");
        assertEquals("default", at(job, "spec.template.spec.serviceAccountName"),
                "on a first install the release's service account does not exist yet when the hook runs");
        Map<String, Object> migrateEnv = env(migrate);
        assertFalse(migrateEnv.containsKey("COUNTERLINK_DB_APP_PASSWORD"), "the Job needs no application login");
        assertFalse(migrateEnv.containsKey("COUNTERLINK_SECRETS_MASTER_KEY"), "the Job needs no secrets key");
    }

    @Test
    void withoutTheMigrationJobEveryReplicaMigratesAsItStarts() {
        Rendered rendered = render(Map.of("migrations.job", false));

        assertEquals(List.of(), rendered.all("Job"));
        assertFalse(env(container(rendered.one("Deployment"), "backend")).containsKey("FLYWAY_DATASOURCES_OWNER_ENABLED"));
    }

    @Test
    void secretsAreReferencedFromTheOperatorsSecretAndNeverInlined() {
        Rendered rendered = render();
        assertEquals(List.of(), rendered.all("Secret"), "the chart makes no Secret");
        Map<String, String> expected = Map.of(
                "COUNTERLINK_DB_OWNER_PASSWORD", "db-owner-password",
                "COUNTERLINK_DB_APP_PASSWORD", "db-app-password",
                "COUNTERLINK_SECRETS_MASTER_KEY", "secrets-master-key",
                "COUNTERLINK_SECRETS_RETIRED_KEYS", "secrets-retired-keys",
                "COUNTERLINK_OIDC_ISSUER", "oidc-issuer",
                "COUNTERLINK_OIDC_JWKS_URL", "oidc-jwks-url");
        List<Map<String, Object>> containers = new ArrayList<>(containers(rendered.one("Deployment")));
        containers.addAll(containers(rendered.one("Job")));
        for (Map<String, Object> container : containers) {
            for (Map<String, Object> variable : envList(container)) {
                String name = (String) variable.get("name");
                if (name.matches(".*(PASSWORD|MASTER_KEY|RETIRED_KEYS|OIDC).*")) {
                    assertNull(variable.get("value"), name + " is written into the manifest");
                    assertEquals(SECRET, at(variable, "valueFrom.secretKeyRef.name"), name);
                    assertEquals(expected.get(name), at(variable, "valueFrom.secretKeyRef.key"), name);
                }
            }
        }
        Map<String, Object> backendEnv = env(container(rendered.one("Deployment"), "backend"));
        assertTrue(backendEnv.keySet().containsAll(expected.keySet()), "the backend gets every secret: " + backendEnv.keySet());
    }

    @Test
    void theExternalDatabaseAndPublicAddressComeFromValuesAndAreRequired() {
        Map<String, Object> backendEnv = env(container(render().one("Deployment"), "backend"));
        assertEquals("jdbc:postgresql://postgres.databases.svc:5432/counterlink?sslmode=require", backendEnv.get("COUNTERLINK_DB_URL"));
        assertEquals("counterlink_owner", backendEnv.get("COUNTERLINK_DB_OWNER_USER"));
        assertEquals("counterlink_app", backendEnv.get("COUNTERLINK_DB_APP_USER"));
        assertEquals("https://counterlink.example.com", backendEnv.get("COUNTERLINK_PUBLIC_URL"));
        assertEquals("90d", backendEnv.get("COUNTERLINK_RETENTION_RUNS"), "extraEnv reaches the backend");

        IllegalStateException noDatabase = assertThrows(IllegalStateException.class, () -> render(Map.of("database.url", "")));
        assertTrue(noDatabase.getMessage().contains("database.url is required"), noDatabase.getMessage());
        IllegalStateException noAddress = assertThrows(IllegalStateException.class, () -> render(Map.of("publicUrl", "")));
        assertTrue(noAddress.getMessage().contains("publicUrl is required"), noAddress.getMessage());
    }

    @Test
    void theServiceAndTheOptionalIngressLeadToTheBackendsHttpPort() {
        Rendered rendered = render();
        Map<String, Object> service = rendered.one("Service");
        Map<String, Object> deployment = rendered.one("Deployment");
        Map<String, Object> ingress = rendered.one("Ingress");

        assertEquals("http", at(service, "spec.ports.0.targetPort"));
        assertEquals(at(deployment, "spec.selector.matchLabels"), at(service, "spec.selector"));
        assertEquals("counterlink.example.com", at(ingress, "spec.rules.0.host"));
        assertEquals(at(service, "metadata.name"), at(ingress, "spec.rules.0.http.paths.0.backend.service.name"));
        assertEquals("http", at(ingress, "spec.rules.0.http.paths.0.backend.service.port.name"));
        assertEquals("counterlink-tls", at(ingress, "spec.tls.0.secretName"));

        assertEquals(List.of(), render(Map.of("ingress.enabled", false)).all("Ingress"), "the ingress is optional");
    }

    @Test
    void theImageIsTheOneTheDockerfileBuildsAndRunsAsItsUser() throws IOException {
        String dockerfile = Files.readString(REPO.resolve("deploy/docker/backend.Dockerfile"));
        Map<String, Object> deployment = render().one("Deployment");
        Map<String, Object> backend = container(deployment, "backend");

        assertEquals("registry.example.com/counterlink/backend:0.1.0", backend.get("image"));
        assertEquals(Integer.parseInt(group(dockerfile, "EXPOSE (\\d+)")), at(backend, "ports.0.containerPort"));
        assertEquals(Integer.parseInt(group(dockerfile, "--uid (\\d+)")), at(deployment, "spec.template.spec.securityContext.runAsUser"));
        assertTrue(dockerfile.contains("counterlink-backend.jar"), "the image runs the backend whose main class knows migrate-only");
        assertEquals("counterlink/backend:0.1.0", container(render(Map.of("image.repository", "counterlink/backend", "image.tag", "")).one("Deployment"),
                "backend").get("image"), "no tag: the chart's appVersion");
    }

    @Test
    void everyManifestIsNamedAndLabelledForTheRelease() {
        for (Map<String, Object> manifest : render().manifests()) {
            String kind = (String) manifest.get("kind");
            assertNotNull(manifest.get("apiVersion"), kind);
            assertTrue(((String) at(manifest, "metadata.name")).startsWith("counterlink"), kind);
            assertEquals("counterlink", at(manifest, "metadata.labels.app\\.kubernetes\\.io/instance"), kind);
        }
    }

    // --- rendering -------------------------------------------------------------------------------------------------

    private record Rendered(List<Map<String, Object>> manifests) {

        List<Map<String, Object>> all(String kind) {
            return manifests.stream().filter(manifest -> kind.equals(manifest.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = all(kind);
            assertEquals(1, found.size(), "one " + kind);
            return found.get(0);
        }
    }

    private static Rendered render() {
        return render(Map.of());
    }

    /** helm template counterlink CHART -f example-values.yaml --set KEY=VALUE ... */
    @SuppressWarnings("unchecked")
    private static Rendered render(Map<String, Object> sets) {
        // a current cluster (Helm's offline default is v1.20, older than the chart supports)
        TemplateCommand template = new Helm(renderable).template().withName("counterlink").withNamespace("counterlink")
                .withKubeVersion("v1.30.0")
                .withValuesFile(EXAMPLE_VALUES);
        sets.forEach(template::set);
        String output = template.call().replace(UNHOOKED + "helm.sh/hook", "helm.sh/hook");
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(output)) {
            if (document != null) {
                manifests.add((Map<String, Object>) document);
            }
        }
        return new Rendered(manifests);
    }

    /** A dotted path into parsed YAML; digits index lists, {@code \.} is a literal dot in a key. */
    private static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("(?<!\\\\)\\.")) {
            String key = part.replace("\\.", ".");
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(key));
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return (List<Map<String, Object>>) at(workload, "spec.template.spec.containers");
    }

    private static Map<String, Object> container(Map<String, Object> workload, String name) {
        return containers(workload).stream().filter(container -> name.equals(container.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> envList(Map<String, Object> container) {
        List<Map<String, Object>> env = (List<Map<String, Object>>) at(container, "env");
        return env == null ? List.of() : env;
    }

    /** Name to literal value, or to the valueFrom map for a reference. */
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map<String, Object> variable : envList(container)) {
            byName.put((String) variable.get("name"), variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom"));
        }
        return byName;
    }

    /** The backend's switch, read from its source, so the chart and the backend cannot drift apart. */
    private static String migrateOnlySwitch() {
        try {
            String source = Files.readString(REPO.resolve(
                    "backend/service/src/main/java/com/counterlink/platform/db/MigrateOnly.java"));
            return group(source, "SWITCH = \"([A-Z_]+)\"");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no " + regex);
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    /** {@code overrides} laid over {@code base}, maps merged key by key as Helm merges values files. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Path copyChart(Path into) throws IOException {
        Path target = into.resolve("counterlink");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static DumperOptions blockStyle() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return options;
    }
}
