import type { Knex } from 'knex';
import { targetOf } from '../src-core/db/columns';

/**
 * Tables that belong to one host only. Server: devices, refresh tokens, the per-school commit sequence, the
 * audit log and server metadata (secret, epoch). Replica: the accounts that signed in on this computer (for
 * offline sign-in) and the client's own metadata (device id, server URL).
 */
export async function up(knex: Knex): Promise<void> {
  if (targetOf(knex) === 'server') {
    await knex.schema.createTable('server_meta', (t) => {
      t.string('key', 60).primary();
      t.text('value').notNullable();
    });
    await knex.schema.createTable('school_sequences', (t) => {
      t.string('school_id', 36).primary();
      t.bigInteger('seq').notNullable().defaultTo(0);
    });
    await knex.schema.createTable('devices', (t) => {
      t.string('id', 36).primary();
      t.string('school_id', 36).notNullable().index();
      t.string('name', 200);
      t.string('first_seen_at', 30).notNullable();
      t.string('last_seen_at', 30).notNullable();
      t.string('blocked_at', 30);
    });
    await knex.schema.createTable('refresh_tokens', (t) => {
      t.string('id', 36).primary();
      t.string('user_id', 36).notNullable().index();
      t.string('device_id', 36).notNullable();
      t.string('token_hash', 64).notNullable().unique(); // sha-256 of the token; the token itself is never stored
      t.string('issued_at', 30).notNullable();
      t.string('expires_at', 30).notNullable();
      t.string('revoked_at', 30);
      t.string('replaced_by', 36);
    });
    await knex.schema.createTable('audit_log', (t) => {
      t.increments('id').primary();
      t.string('school_id', 36).index();
      t.string('at', 30).notNullable();
      t.string('user_id', 36);
      t.string('device_id', 36);
      t.string('action', 60).notNullable();
      t.text('details');
    });
  } else {
    await knex.schema.createTable('client_meta', (t) => {
      t.string('key', 60).primary();
      t.text('value').notNullable();
    });
    await knex.schema.createTable('local_accounts', (t) => {
      t.string('user_id', 36).primary();
      t.string('school_id', 36).notNullable();
      t.string('login', 80).notNullable().unique();
      t.string('password_verifier', 200).notNullable(); // argon2id of the password, made on this computer
      t.text('profile').notNullable(); // JSON of session.me at the last online sign-in
      t.text('refresh_token'); // device-bound; sealed by the OS key store in the Electron shell
      t.string('last_online_at', 30).notNullable();
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['server_meta', 'school_sequences', 'devices', 'refresh_tokens', 'audit_log', 'client_meta', 'local_accounts']) {
    await knex.schema.dropTableIfExists(table);
  }
}
