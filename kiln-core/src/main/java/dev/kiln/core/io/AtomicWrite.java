package dev.kiln.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a crash never leaves a half-written one: the content goes to a temporary
 * file beside the target, is synced to disk, gets ordinary permissions (rw-r--r--; temporary
 * files start private), and is renamed over the target in one step.
 */
public final class AtomicWrite {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicWrite() {
    }

    /** Produces a file's content onto a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target}, replacing any file there. The directory must exist.
     *
     * @throws IOException when writing fails; {@code target} is then left as it was
     */
    public static void file(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            ordinaryPermissions(temp, false);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target}, creating its directory; failures are unchecked and name the file. */
    public static void text(Path target, String text) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            file(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A new empty directory beside {@code target}, with ordinary permissions (rwxr-xr-x), to fill and rename. */
    public static Path directoryBeside(Path target, String suffix) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path dir = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + suffix);
        ordinaryPermissions(dir, true);
        return dir;
    }

    /** Gives a file rw-r--r-- or a directory rwxr-xr-x where the file system has POSIX permissions. */
    public static void ordinaryPermissions(Path path, boolean directory) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
