package dev.influence4j.launcher;

import org.jspecify.annotations.Nullable;

/**
 * Step one of an "upload a file" earn rule ({@code POST /v1/customer/upload-file}): Influence.io created the
 * point activity and returned where to {@code PUT} the file's bytes, with the announced MIME type.
 *
 * @param success whether Influence.io reported success
 * @param url the presigned upload URL; it grants write access, so it is left out of {@link #toString()}
 */
public record FileUpload(boolean success, @Nullable String url) {

	@Override
	public String toString() {
		return "FileUpload[success=" + this.success + ", url=" + ((this.url != null) ? "(presigned)" : "null") + "]";
	}

}
