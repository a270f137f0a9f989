/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-database.h"

G_BEGIN_DECLS

/* User profiles, unlocking and locking.
 *
 * A database without profiles is "unprotected": identity is stored as
 * plain JSON and ws_database_set_actor() may claim any role, as before
 * profiles existed. Creating the first profile (it must be an
 * administrator) encrypts every identity row in the same transaction and
 * makes the database "protected" for good.
 *
 * In a protected database nothing is permitted until
 * ws_database_unlock() succeeds: every _ws_database_require() check fails
 * with WS_DATABASE_ERROR_LOCKED. Unlocking sets the actor from the
 * profile (name and role) and, for officers and administrators, unwraps
 * the identity key into locked memory; prosecutors and interpreters hold
 * no wrapped key, so they cannot decrypt identity even with the file.
 * ws_database_lock() wipes the key and drops the in-memory name index.
 *
 * Every login, failed login and profile change is audited. Passphrases
 * are never stored; each profile keeps a salt, the Argon2id cost it was
 * derived with, a verifier and (officer, administrator) the identity key
 * wrapped with XChaCha20-Poly1305 under the derived key. */

#define WS_TYPE_PROFILE (ws_profile_get_type ())

G_DECLARE_FINAL_TYPE (WsProfile, ws_profile, WS, PROFILE, GObject)

const char *ws_profile_get_name        (WsProfile   *self);
WsRole      ws_profile_get_role        (WsProfile   *self);
/* ISO-8601 UTC instant the profile was created. */
const char *ws_profile_get_created_at  (WsProfile   *self);
/* Whether the profile holds a wrapped identity key (officer, administrator). */
gboolean    ws_profile_holds_key       (WsProfile   *self);
/* FALSE for a profile that came from an exchange file (name and role only):
 * it cannot unlock until an administrator resets its passphrase
 * (ws_database_change_passphrase() with no old passphrase). Such profiles
 * do not make a database protected. */
gboolean    ws_profile_has_passphrase  (WsProfile   *self);

/* The shortest passphrase accepted, in characters. */
#define WS_PASSPHRASE_MIN_LENGTH 8

/* Whether any profile exists (the database is protected). Allowed while locked. */
gboolean    ws_database_is_protected   (WsDatabase  *self);
/* Whether the database is protected and no profile is unlocked. */
gboolean    ws_database_is_locked      (WsDatabase  *self);
/* The unlocked profile's name, or NULL (locked or unprotected). */
const char *ws_database_get_profile_name (WsDatabase *self);

/* Every profile (WsProfile), sorted by name; allowed while locked so the
 * window can offer a profile chooser. Returns NULL with @error on failure. */
GListModel *ws_database_list_profiles  (WsDatabase  *self,
                                        GError     **error);

/* Creates a profile. The first profile of a database must be an
 * administrator; creating it needs no unlock, encrypts existing identity
 * rows under a new identity key and leaves the database unlocked as that
 * administrator. Later profiles need WS_PERMISSION_MANAGE_PROFILES and an
 * unlocked key-holding profile (to wrap the key for officers and
 * administrators). Names are unique regardless of case. Fails with
 * WS_DATABASE_ERROR_INVALID for an empty name or a passphrase shorter than
 * WS_PASSPHRASE_MIN_LENGTH, WS_DATABASE_ERROR_DUPLICATE for a taken name. */
gboolean    ws_database_create_profile (WsDatabase  *self,
                                        const char  *name,
                                        WsRole       role,
                                        const char  *passphrase,
                                        GError     **error);

/* Removes a profile and its wrapped key (WS_PERMISSION_MANAGE_PROFILES).
 * The last administrator and the unlocked profile itself cannot be removed. */
gboolean    ws_database_remove_profile (WsDatabase  *self,
                                        const char  *name,
                                        GError     **error);

/* Changes a profile's passphrase and re-wraps its key under the new one.
 * With @old_passphrase, anyone may change their own (or another's, knowing
 * it); with @old_passphrase NULL it is a reset, which needs
 * WS_PERMISSION_MANAGE_PROFILES and an unlocked key. */
gboolean    ws_database_change_passphrase (WsDatabase  *self,
                                           const char  *name,
                                           const char  *old_passphrase,
                                           const char  *new_passphrase,
                                           GError     **error);

/* Changes a profile's role (WS_PERMISSION_MANAGE_PROFILES), audited.
 * Moving to a role without the key deletes the wrapped key. Moving to a
 * key-holding role from one without needs @passphrase, the profile's own
 * passphrase typed by its owner, to wrap the key for it; NULL otherwise.
 * The last administrator keeps their role. */
gboolean    ws_database_set_profile_role  (WsDatabase  *self,
                                           const char  *name,
                                           WsRole       role,
                                           const char  *passphrase,
                                           GError     **error);

/* Checks @passphrase for @name (Argon2id), sets the actor from the
 * profile and loads the identity key. A wrong passphrase or an unknown
 * name fails with WS_DATABASE_ERROR_BAD_PASSPHRASE (one message for both)
 * and is audited as "login-failed"; success as "login". Unlocking while
 * another profile is unlocked locks first. */
gboolean    ws_database_unlock         (WsDatabase  *self,
                                        const char  *name,
                                        const char  *passphrase,
                                        GError     **error);

/* Forgets the identity key (wiped) and the name index; audited as "lock".
 * Does nothing on an unprotected or already locked database. */
void        ws_database_lock           (WsDatabase  *self);

/* For headless tools that need no identity (schedules, findings,
 * readiness sheets): works as @name in the prosecutor's role, with no key.
 * Gives nothing away, since what a prosecutor may read is not encrypted
 * in the file; audited as "headless". Locks first if someone had
 * unlocked; on an unprotected database it changes nothing. */
gboolean    ws_database_act_without_key (WsDatabase  *self,
                                         const char  *name,
                                         GError     **error);

G_END_DECLS
