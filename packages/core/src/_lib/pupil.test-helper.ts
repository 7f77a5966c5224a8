import type { ChildFileInput } from "../model";

/** Options of {@link pupil}. */
export interface PupilOptions {
  cls?: string;
  grade?: number;
  birth?: string;
  status?: "enrolled" | "dropped-out" | "not-enrolled" | "transferred";
  since?: string;
  /** The father's away periods; default away since 2024-01-01. */
  away?: { from: string; to?: string; city: string }[];
  /** The father is at home (no away period). */
  home?: boolean;
  /** Id of the primary guardian (a grandmother); default `${id}-g`. */
  guardian?: string;
}

/** A synthetic pupil in grade 5 living with a grandmother while the father works away. */
export function pupil(id: string, o: PupilOptions = {}): ChildFileInput {
  return {
    id,
    child: {
      name: `学生${id}`,
      gender: "female",
      birthDate: (o.birth ?? "2015-05-01") as `${number}-${number}-${number}`,
      regionCode: "430102001001",
      classId: o.cls ?? "k1",
      grade: o.grade ?? 5,
      schooling: {
        status: o.status ?? "enrolled",
        ...(o.since ? { since: o.since as `${number}-${number}-${number}` } : {}),
      },
    },
    livingArrangement: "grandparents",
    guardians: [{ id: o.guardian ?? `${id}-g`, name: "奶奶", relation: "grandmother" }],
    parents: [
      {
        id: `${id}-f`,
        role: "father",
        name: "父",
        awayPeriods: (o.home ? [] : (o.away ?? [{ from: "2024-01-01", city: "深圳" }])) as {
          from: `${number}-${number}-${number}`;
          to?: `${number}-${number}-${number}`;
          city: string;
        }[],
      },
    ],
  };
}
