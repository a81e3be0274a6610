/**
 * The JSON shapes of the Parley REST API v1 as Java records. Reading is lenient: fields a newer
 * server adds are ignored and unknown enum values read as {@code UNKNOWN}, so an older client keeps
 * working. Request records leave out null fields when written.
 */
package dev.parley.client.model;
