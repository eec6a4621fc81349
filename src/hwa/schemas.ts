import { z } from "zod";

// Shapes from HWA REST API V2 (shared/hwa/WA_API3_v2.json). Objects are loose: HWA sends far more than we
// read, and a newer engine may add fields; the fields Resync reads are typed, and `id`/`name` are required.

const internalStatus = z.string(); // JobInPlanStatus: HOLD, READY, EXEC, SUCC, ABEND, ... (engines add values)

export const CompositeStatus = z.looseObject({
  status: internalStatus.optional(),
  substatus: z.string().optional(),
  canceled: z.boolean().optional(),
  error: z.boolean().optional(),
  started: z.boolean().optional(),
});

export const TimeInfo = z.looseObject({
  estimatedDuration: z.string().optional(),
  actualStartTime: z.string().optional(),
  actualEndTime: z.string().optional(),
  elapsedTime: z.string().optional(),
});

export const JobRun = z.looseObject({
  id: z.string(),
  jobId: z.string().optional(),
  compositeStatus: CompositeStatus.optional(),
  commonStatus: z.string().optional(),
  returnCode: z.number().int().optional(),
  timeInfo: TimeInfo.optional(),
  lastInRerunChain: z.boolean().optional(),
  runAttempt: z.number().int().optional(),
  rerunJob: z.boolean().optional(),
  submittedTime: z.string().optional(),
});

export const Dependency = z.looseObject({
  dependencyType: z.string(),
  id: z.string().optional(),
  dependencyStatus: z.string().optional(),
  satisfied: z.boolean().optional(),
});

export const DependenciesStats = z.looseObject({
  numberOfDependencies: z.number().int().optional(),
  numberOfUnresolvedDependencies: z.number().int().optional(),
});

export const JobInPlan = z.looseObject({
  id: z.string(),
  name: z.string(),
  folder: z.string().optional(),
  workstation: z.string().optional(),
  jobStreamId: z.string().optional(),
  jobStreamName: z.string().optional(),
  jobStreamWorkstation: z.string().optional(),
  priority: z.number().int().optional(),
  schedTime: z.string().optional(),
  lastRunCompositeStatus: CompositeStatus.optional(),
  lastRunCommonStatus: z.string().optional(),
  jobDefinition: z
    .looseObject({
      task: z.unknown().optional(),
      estimatedDuration: z.string().optional(),
      recoveryOption: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  jobruns: z.array(JobRun).optional(),
  dependencies: z.array(Dependency).optional(),
  dependenciesStats: DependenciesStats.optional(),
});
export type JobInPlan = z.infer<typeof JobInPlan>;

export const JobStreamInPlan = z.looseObject({
  id: z.string(),
  name: z.string(),
  folder: z.string().optional(),
  workstation: z.string().optional(),
  schedTime: z.string().optional(),
  priority: z.number().int().optional(),
  compositeStatus: CompositeStatus.optional(),
  commonStatus: z.string().optional(),
  timeInfo: TimeInfo.optional(),
  jobStreamStats: z
    .looseObject({
      numberOfJob: z.number().int().optional(),
      numberOfSuccessfullJob: z.number().int().optional(),
      numberOfExecutingJob: z.number().int().optional(),
      numberOfAbendedJob: z.number().int().optional(),
      numberOfNotRunningJob: z.number().int().optional(),
    })
    .optional(),
  dependenciesStats: DependenciesStats.optional(),
});
export type JobStreamInPlan = z.infer<typeof JobStreamInPlan>;

export const WorkstationInPlan = z.looseObject({
  id: z.string(),
  name: z.string(),
  folder: z.string().optional(),
  type: z.string().optional(),
  activeStates: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
  fence: z.number().int().optional(),
  os: z.string().optional(),
  nodeName: z.string().optional(),
  timeZone: z.string().optional(),
  version: z.string().optional(),
});
export type WorkstationInPlan = z.infer<typeof WorkstationInPlan>;

export const EngineInfo = z.looseObject({
  displayVersion: z.string().optional(),
  fullVersion: z.string().optional(),
  licenseType: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

/** `{count, results, next, previous}` of every V2 list. */
export function page<T extends z.ZodType>(item: T) {
  return z.looseObject({
    count: z.number().int().optional(),
    results: z.array(item),
    next: z.string().nullish(),
    previous: z.string().nullish(),
  });
}

export const ResourceResponse = z.looseObject({ id: z.string().optional(), url: z.string().optional() });
export type ResourceResponse = z.infer<typeof ResourceResponse>;

/** The engine's error body (seen on V1 and in HCL's samples); V2 declares none, so it may be absent. */
export const EngineError = z.looseObject({
  exceptionName: z.string().optional(),
  messages: z.array(z.string()).optional(),
});
