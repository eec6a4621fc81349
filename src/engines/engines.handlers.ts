import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { changeEngine, createEngine, deleteEngine, listEngines, rotateEngineKey, showEngine } from "./admin";
import type { change, create, list, remove, rotate, show } from "./engines.routes";

export const listAll: AppRouteHandler<typeof list> = async (c) =>
  c.json({ items: await listEngines(scopeOf(c), c.get("identity")?.role === "admin") }, 200);

export const register: AppRouteHandler<typeof create> = async (c) =>
  c.json(await createEngine(scopeOf(c), c.req.valid("json")), 201);

export const showOne: AppRouteHandler<typeof show> = async (c) =>
  c.json(await showEngine(scopeOf(c), c.req.valid("param").name), 200);

export const changeOne: AppRouteHandler<typeof change> = async (c) =>
  c.json(await changeEngine(scopeOf(c), c.req.valid("param").name, c.req.valid("json")), 200);

export const removeOne: AppRouteHandler<typeof remove> = async (c) => {
  await deleteEngine(scopeOf(c), c.req.valid("param").name);
  return c.body(null, 204);
};

export const rotateKey: AppRouteHandler<typeof rotate> = async (c) => c.json(await rotateEngineKey(scopeOf(c)), 200);
