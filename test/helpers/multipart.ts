/** Builds a multipart/form-data body with one file field, as a browser would send it. */
export function multipartFile(field: string, fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `----kc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
