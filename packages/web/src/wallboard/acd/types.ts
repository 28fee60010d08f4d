/** Shapes of the ACD API (packages/server/src/acd/contracts.ts) the screens use. */
export type AgentState = 'offline' | 'ready' | 'notReady' | 'onContact' | 'wrapUp';

export interface AgentStateView {
  agentId: string;
  state: AgentState;
  presence: 'ready' | 'notReady' | 'offline';
  reason: string | null;
  since: string;
  load: Record<string, number>;
  capacity: Record<string, number>;
  queueIds: string[];
  skills: Record<string, number>;
}

export interface MyContact {
  contactId: string;
  queueId: string;
  channel: string;
  status: 'waiting' | 'offered' | 'connected' | 'wrapUp';
  offerDeadline: string | null;
  wrapUpDeadline: string | null;
  subject: string | null;
  customerName: string | null;
}

export interface AgentMe {
  agent: AgentStateView | null;
  contacts: MyContact[];
  reasons: { code: string; name: string | null }[];
  allowed: string[];
}

export interface AcdQueue {
  id: string;
  hotlineId: string;
  clientId: string;
  name: string;
  channel: 'voice' | 'chat' | 'email';
  priority: number;
  skills: { skillId: string; min: number }[];
  strategy: string;
  stickySeconds: number | null;
  agingPerMinute: number;
  overflow: unknown[];
  offerTimeoutSeconds: number;
  wrapUpSeconds: number;
  autoAccept: boolean;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  expectedHandleSeconds: number;
  active: boolean;
  createdAt: string;
}

export interface AcdSkill {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

export interface AcdReason {
  id: string;
  code: string;
  name: string;
  active: boolean;
  createdAt: string;
}

export interface AcdAgentConfig {
  id: string;
  userId: string;
  skills: Record<string, number>;
  queueIds: string[];
  capacity: Record<string, number>;
  createdAt: string;
}

export interface KpiToday {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  [k: string]: number | null;
}

export interface Wallboard {
  now: string;
  queues: {
    id: string;
    name: string;
    hotlineId: string;
    channel: string;
    serviceLevelSeconds: number;
    waiting: number;
    longestWaitSeconds: number;
    availableAgents: number;
    members: number;
    today: KpiToday | null;
  }[];
  agents: (AgentStateView & { name: string; timeInStateSeconds: number })[];
}
