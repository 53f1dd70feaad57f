import type { TargetJson } from '../store/targets';
import { renderDate } from './datetime';

type TargetLike = Omit<TargetJson, 'expired'> & { expired: number | boolean };

export function renderTarget(target: TargetLike) {
  return {
    $id: target.id,
    $createdAt: renderDate(target.createdAt),
    $updatedAt: renderDate(target.updatedAt),
    name: target.name ?? '',
    userId: target.userId,
    providerId: target.providerId || null,
    providerType: target.providerType,
    identifier: target.identifier,
    expired: Boolean(target.expired),
  };
}
