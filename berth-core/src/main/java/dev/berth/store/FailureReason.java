package dev.berth.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The "why" of a store error message. NIO's {@link FileSystemException#getMessage()} repeats the path
 * the message already names, and its subclasses carry no reason at all, so say it as the OS would.
 */
public final class FailureReason {

    private FailureReason() {
    }

    public static String of(IOException failure) {
        return switch (failure) {
            case NoSuchFileException e -> "No such file or directory";
            case AccessDeniedException e -> "Permission denied";
            case FileAlreadyExistsException e -> "File exists";
            case DirectoryNotEmptyException e -> "Directory not empty";
            case NotDirectoryException e -> "Not a directory";
            case FileSystemException e when e.getReason() != null -> e.getReason();
            // Some carry no message at all (AsynchronousCloseException): their name is the reason.
            default -> failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        };
    }
}
