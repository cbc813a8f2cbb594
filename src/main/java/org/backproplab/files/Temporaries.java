package org.backproplab.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFile}: named {@code <target>.<13 random letters and digits>.tmp} beside
 * their target, and cleaned up in the three ways a write can end.
 * <ul>
 * <li>A write that returns or throws removes its own (AtomicFile's {@code finally}).</li>
 * <li>A JVM that is told to stop (Ctrl+C, {@code kill -TERM}, {@code System.exit} from elsewhere, as when the
 * launching process has gone) runs a shutdown hook that removes the temporaries of the writes still going; a write
 * that would start after that fails instead.</li>
 * <li>A JVM killed outright ({@code kill -9}, a power cut) runs nothing, so the next write to the same target
 * removes what such a crash left: its own target's temporaries, by their exact name pattern, and only those that
 * nobody is writing. A writer holds a lock on its temporary while it writes, and the operating system drops the
 * lock when the process dies; a temporary that can be locked has no writer left. Where the file system has no locks
 * (some network shares) nothing is removed, rather than someone's write in progress.</li>
 * </ul>
 */
final class Temporaries {

    /** Writes under way in this JVM; after {@link #stopping} none may start. Guarded by itself. */
    private static final Set<Path> OPEN = new HashSet<>();
    private static boolean stopping;
    private static boolean hooked;

    private Temporaries() {
    }

    /** A new temporary for {@code target}, created empty in {@code folder}, open for writing and locked. */
    static Open create(Path folder, Path target) throws IOException {
        Path temp = folder.resolve(target.getFileName() + "." + randomName() + ".tmp").toAbsolutePath().normalize();
        synchronized (OPEN) {
            if (stopping || !hook()) {
                throw new IOException("the program is stopping");
            }
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            OPEN.add(temp);
            lockQuietly(channel);
            return new Open(temp, channel);
        }
    }

    /** A temporary being written: its path and channel (which holds the lock). */
    record Open(Path path, FileChannel channel) {
    }

    /** The write of {@code temp} has ended (moved into place, or failed): no longer the shutdown hook's to remove. */
    static void forget(Path temp) {
        synchronized (OPEN) {
            OPEN.remove(temp);
        }
    }

    /**
     * Removes the temporaries of {@code target} in {@code folder} that a crashed write left behind; keeps those of
     * writes going on here or in another process, and every file not named by the pattern. Best effort: a
     * temporary that cannot be removed stays, and the write carries on.
     */
    static void removeStale(Path folder, Path target) {
        Pattern own = pattern(target);
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder,
                p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : found) {
                synchronized (OPEN) {
                    if (OPEN.contains(temp.toAbsolutePath().normalize())) {
                        continue;
                    }
                }
                if (unlocked(temp)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed or a temporary that cannot be removed: the save itself matters more
        }
    }

    /** The names of {@code target}'s temporaries: its own file name, a dot, 13 of [0-9a-z], {@code .tmp}. */
    static Pattern pattern(Path target) {
        return Pattern.compile(Pattern.quote(target.getFileName().toString()) + "\\.[0-9a-z]{13}\\.tmp");
    }

    /** 13 characters: a random 64-bit number in base 36, zero-padded, so that every temporary fits the pattern. */
    static String randomName() {
        String digits = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return "0".repeat(13 - digits.length()) + digits;
    }

    /** True if no process holds a lock on the file: its writer is gone. False if it is held or locks do not work here. */
    private static boolean unlocked(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it
        } catch (IOException e) {
            return false; // gone already, or no locks on this file system
        }
    }

    /** Locks the new temporary for the length of the write; where locks do not work the write goes on without. */
    private static void lockQuietly(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // no locks on this file system: only a crashed write's temporary would then stay, never a save fail
        }
    }

    /**
     * Registers, once, the shutdown hook that removes the temporaries of writes still going when the JVM stops.
     * False if the JVM is already stopping (a hook can no longer be added).
     */
    private static boolean hook() {
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::removeOpen, "remove-temporary-files"));
                hooked = true;
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return true;
    }

    /** The shutdown hook: no write may start from here on, and those under way lose their temporaries. */
    private static void removeOpen() {
        synchronized (OPEN) {
            stopping = true;
            for (Path temp : OPEN) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the JVM is ending; a temporary left here is removed by the next save of its target
                }
            }
            OPEN.clear();
        }
    }
}
