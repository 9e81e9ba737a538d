/**
 * Open live views by camera and user. A revoked grant must stop the picture at once, not only refuse the next
 * connection: the grants route calls `closeFor` after the revocation commits. Views whose right came from a grant
 * are also re-checked periodically by the live route, which is how an expiry ends an open view. A camera edit
 * (new masks, new URL) ends every view of that camera with `reconfigured`: the player reconnects and gets the right
 * relay (a viewer without footage.raw must not stay on the unmasked stream after masks were added).
 */
export type CloseReason = 'revoked' | 'expired' | 'reconfigured';

export interface LiveSession {
  cameraId: string;
  userId: string;
  close(reason: CloseReason): void;
}

export class LiveSessions {
  private readonly open = new Set<LiveSession>();

  add(session: LiveSession): () => void {
    this.open.add(session);
    return () => this.open.delete(session);
  }

  /** Closes every open view of this user (null: of anyone) on this camera; returns how many were closed. */
  closeFor(cameraId: string, userId: string | null, reason: CloseReason): number {
    let n = 0;
    for (const s of [...this.open]) {
      if (s.cameraId !== cameraId || (userId !== null && s.userId !== userId)) continue;
      this.open.delete(s);
      s.close(reason);
      n++;
    }
    return n;
  }

  count(cameraId?: string): number {
    return cameraId ? [...this.open].filter((s) => s.cameraId === cameraId).length : this.open.size;
  }
}
