package org.hostedsmime.core.directory;

import org.hostedsmime.core.certificate.Fingerprint;
import org.reactivestreams.Publisher;

/**
 * Certificates of correspondents, by address: collected from trustworthy signed mail or imported by an
 * administrator. Hosted users' certificates are not copied here: the {@link KeyDirectory} reads them from
 * their own store.
 */
public interface KeyDirectoryStore {

    /**
     * Adds the entry, or updates the one with the same address and fingerprint: its capabilities and last
     * seen time change, its first seen time and source stay.
     */
    Publisher<Void> save(DirectoryEntry entry);

    /** The entries of an address (compared case-insensitively), oldest first seen first. */
    Publisher<DirectoryEntry> entries(String address);

    Publisher<Void> delete(String address, Fingerprint fingerprint);
}
