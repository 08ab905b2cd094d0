package com.counterlink.bridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Files with secrets (private key, Counterpoint password) readable by the bridge's account only. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    static void restrict(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            // Windows: the installer puts the bridge folder under an ACL for the service account and Administrators
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    static void write(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        restrict(file);
        Files.write(file, content);
    }
}
