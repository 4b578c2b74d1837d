/**
 * The wire protocol of Microsoft's Excel client, answered over the store: the
 * request message (`Actions` and `ObjectPaths`, as `ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags` in `excel-web-16.00.debug.js`
 * writes it) in, the response (`Results` per action id, or `Error` with the
 * index of the failed action) out.
 *
 * As Excel does, the actions run in order and the ones before a failure stay
 * done: a batch is not a transaction.
 */
import { ExcelError, members, SimulatorGap, type SimObject, type SimWorld } from "./model";

/** `OfficeExtension.ObjectPathType`. */
const enum PathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

/** `OfficeExtension.ActionType`. */
const enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
}

interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the id of the object path it stands for, 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

/** One object path of the request. */
export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

/** One action of the request. */
export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

/** The request message's body. */
export interface RequestMessage {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** The response message's body. */
export interface ResponseMessage {
  Results: Array<{ ActionId: number; Value: unknown }>;
  Error?: {
    Code: string;
    Message: string;
    Location: string;
    ActionIndex: number;
    HttpStatusCode: number;
  };
}

/** Methods that only read: they leave the store, and so its calculation, as it is. */
const READS = /^Get[A-Z]/;

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The selected properties of an object as Excel returns them: wire names, nested for navigation paths. */
function project(o: SimObject, select: string[] | undefined, w: SimWorld): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const paths = select && select.length > 0 ? select : null;
  // `load()` with nothing named: every scalar property the simulator knows of the class.
  if (!paths) return scalarsOf(o, w);
  const nested = new Map<string, string[]>();
  for (const path of paths) {
    const [head, ...rest] = path.split("/");
    const name = pascal(head);
    if (rest.length === 0 && members.hasGet(o, name)) {
      out[name] = members.get(o, name, w);
      continue;
    }
    if (!members.hasNav(o, name)) throw new SimulatorGap(`loading ${o.cls}.${head}`);
    nested.set(name, [...(nested.get(name) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
  }
  for (const [name, rest] of nested) {
    const child = members.nav(o, name, w);
    out[name] = child === null ? null : queryValue(child, rest, w);
  }
  return out;
}

function scalarsOf(o: SimObject, w: SimWorld): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of members.scalarNames(o)) out[name] = members.get(o, name, w);
  return out;
}

/**
 * What a query on an object answers: its properties, or a collection's items
 * (`_Items`). The client sends `load("items/name")` of a collection as `Select:
 * ["name"]`: the selected names are the items' own.
 */
function queryValue(o: SimObject, select: string[], w: SimWorld): unknown {
  const items = members.items(o, w);
  if (items) return { _Items: items.map((item) => project(item, select, w)) };
  return project(o, select, w);
}

/**
 * Runs one request message against the world and gives the response message.
 *
 * @example
 * const response = execute(JSON.parse(requestText), world);
 */
export function execute(
  message: RequestMessage,
  w: SimWorld,
  onWrite: () => void
): ResponseMessage {
  const resolved = new Map<number, SimObject | null>();
  const paths = message.ObjectPaths ?? {};

  const argumentsOf = (info: ArgumentInfo | undefined): unknown[] => {
    const args = [...(info?.Arguments ?? [])];
    (info?.ReferencedObjectPathIds ?? []).forEach((id, i) => {
      if (id) args[i] = resolve(id);
    });
    return args;
  };

  function resolve(id: number): SimObject | null {
    if (resolved.has(id)) return resolved.get(id)!;
    const info = paths[String(id)];
    if (!info) throw new SimulatorGap(`an object path ${id} that the request does not carry`);
    let result: SimObject | null;
    const parent = () => resolve(info.ParentObjectPathId!);
    switch (info.ObjectPathType) {
      case PathType.GlobalObject:
        result = { cls: "Workbook" };
        break;
      case PathType.NullObject:
        result = null;
        break;
      case PathType.Property: {
        const p = parent();
        result = p && members.nav(p, info.Name, w);
        break;
      }
      case PathType.Method: {
        const p = parent();
        if (p === null) {
          result = null;
          break;
        }
        const value = members.call(p, info.Name, argumentsOf(info.ArgumentInfo), w);
        // Excel's `Get…` methods only read (getRange, getItem, getUsedRange…): the store is as calculated.
        if (!READS.test(info.Name)) onWrite();
        if (value !== null && (typeof value !== "object" || !("cls" in (value as object))))
          throw new SimulatorGap(`${p.cls}.${info.Name}() as an object path`);
        result = (value as SimObject | null) ?? null;
        break;
      }
      case PathType.Indexer: {
        const p = parent();
        result = p && members.index(p, argumentsOf(info.ArgumentInfo), w);
        break;
      }
      default:
        throw new SimulatorGap(`object path type ${info.ObjectPathType} (${info.Name})`);
    }
    resolved.set(id, result);
    return result;
  }

  const results: ResponseMessage["Results"] = [];
  const actions = message.Actions ?? [];
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index];
    try {
      switch (action.ActionType) {
        case ActionType.Instantiate: {
          const o = resolve(action.ObjectPathId);
          results.push({ ActionId: action.Id, Value: o === null ? null : {} });
          break;
        }
        case ActionType.Query: {
          const o = resolve(action.ObjectPathId);
          results.push({
            ActionId: action.Id,
            Value: o === null ? null : queryValue(o, action.QueryInfo?.Select ?? [], w),
          });
          break;
        }
        case ActionType.Method: {
          if (action.Name === "_KeepReference") break;
          const o = resolve(action.ObjectPathId);
          if (o === null) break;
          const value = members.call(o, action.Name, argumentsOf(action.ArgumentInfo), w);
          if (!READS.test(action.Name)) onWrite();
          results.push({ ActionId: action.Id, Value: value ?? null });
          break;
        }
        case ActionType.SetProperty: {
          const o = resolve(action.ObjectPathId);
          if (o === null) break;
          members.set(o, action.Name, argumentsOf(action.ArgumentInfo)[0], w);
          onWrite();
          break;
        }
        default:
          throw new SimulatorGap(`action type ${action.ActionType} (${action.Name})`);
      }
    } catch (error) {
      if (!(error instanceof ExcelError)) throw error;
      return {
        Results: results,
        Error: {
          Code: error.code,
          Message: error.message,
          Location: action.Name,
          ActionIndex: index,
          HttpStatusCode: 400,
        },
      };
    }
  }
  return { Results: results };
}
