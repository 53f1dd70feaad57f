import type { TargetJson } from '../store/targets';
import { renderDate } from './datetime';

export function renderTarget(target: TargetJson) {
  return {
    $id: target.id,
    $createdAt: renderDate(target.createdAt),
    $updatedAt: renderDate(target.updatedAt),
    name: target.name ?? '',
    userId: target.userId,
    providerId: target.providerId || null,
    providerType: target.providerType,
    identifier: target.identifier,
    expired: target.expired,
  };
}
