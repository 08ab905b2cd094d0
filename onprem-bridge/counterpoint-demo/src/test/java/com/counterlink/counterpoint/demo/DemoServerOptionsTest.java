package com.counterlink.counterpoint.demo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoServerOptionsTest {
    @Test
    void defaultsToPort19092AHundredItemsAndADataFolderInTarget() {
        DemoServerOptions options = DemoServerOptions.parse();
        assertEquals(19092, options.port());
        assertEquals(100, options.items());
        assertEquals(Path.of("counterpoint-demo-data"), options.dataDir().getFileName());
        assertEquals(Path.of("target"), options.dataDir().getParent().getFileName(), "data stays out of the source tree");
        assertEquals("counterpoint", options.databaseName());
        assertEquals(CounterpointSeeder.DEFAULT_SEED, options.seed());
        assertEquals("sa", options.user());
        assertEquals("counterpoint", options.password());
    }

    @Test
    void readsEveryOption() {
        DemoServerOptions options = DemoServerOptions.parse(
                "--port", "19100", "--items", "50_000", "--data-dir", "/tmp/cp", "--database", "cp2", "--seed", "7",
                "--user", "bridge", "--password", "s3cret");
        assertEquals(new DemoServerOptions(19100, 50_000, Path.of("/tmp/cp"), "cp2", 7, "bridge", "s3cret"), options);
    }

    @Test
    void oddItemsAreAFlagWithoutValueAndOffByDefault() {
        assertFalse(DemoServerOptions.parse().oddItems());
        DemoServerOptions options = DemoServerOptions.parse("--items", "40", "--odd-items", "--port", "19100");
        assertTrue(options.oddItems());
        assertEquals(40, options.items());
        assertEquals(19100, options.port());
        assertTrue(DemoServerOptions.parse("--odd-items").oddItems(), "also as the last option");
        assertTrue(options.withItems(10).withPort(0).oddItems(), "kept by the other options");
    }

    @Test
    void readsAnExactCatalogShape() {
        DemoServerOptions options = DemoServerOptions.parse("--cells", "12", "--items", "50_000", "--gridded", "5000");
        assertEquals(new CatalogShape.Exact(50_000, 5_000, 12), options.shape());
        assertEquals(50_000, options.items());
        assertEquals(new CatalogShape.DemoMix(100), DemoServerOptions.parse().shape(), "the default demo decides the grids itself");
    }

    @Test
    void rejectsAnIncompleteOrImpossibleCatalogShape() {
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--gridded", "10"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--cells", "12"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--items", "10", "--gridded", "11", "--cells", "12"));
        IllegalArgumentException prime = assertThrows(IllegalArgumentException.class,
                () -> DemoServerOptions.parse("--items", "10", "--gridded", "5", "--cells", "13"));
        assertTrue(prime.getMessage().startsWith("--items/--gridded/--cells"), prime.getMessage());
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--verbose", "yes"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--items", "many"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--items", "0"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--database", "../etc"));
        assertThrows(IllegalArgumentException.class, () -> DemoServerOptions.parse("--user", " "));
    }
}
