import { ConflictError } from "@liushou/core";
import { describe, expect } from "vitest";
import { WRITE_AT, type Harness } from "../harness";
import { changedEntity, newSampleScope, sampleEntity } from "../samples";

function oneWinner(results: PromiseSettledResult<unknown>[]): void {
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r) => r.status === "rejected");
  expect(won, "exactly one writer wins").toHaveLength(1);
  for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
}

/** Optimistic concurrency: of two writers holding one version, exactly one wins. @internal */
export function concurrencySuite(h: Harness): void {
  describe("concurrency", () => {
    h.it(
      "two writers of one version: exactly one wins, the other gets a ConflictError",
      async (s) => {
        const file = sampleEntity("files", newSampleScope());
        const v1 = await s.files.put(file, { expectedVersion: null, at: WRITE_AT });
        const a = changedEntity("files", file);
        const b = { ...file, keyCase: true };
        const results = await Promise.allSettled([
          s.files.put(a, { expectedVersion: v1.version, at: WRITE_AT }),
          s.files.put(b, { expectedVersion: v1.version, at: WRITE_AT }),
        ]);
        oneWinner(results);
        const winner = results.findIndex((r) => r.status === "fulfilled");
        const stored = await s.files.get(file.id);
        expect(stored?.version).toBe(2);
        expect(stored?.value).toEqual(winner === 0 ? a : b);
      },
    );

    h.it("two creators of one id: exactly one wins", async (s) => {
      const mentor = sampleEntity("mentors", newSampleScope());
      const results = await Promise.allSettled([
        s.mentors.put(mentor, { expectedVersion: null, at: WRITE_AT }),
        s.mentors.put({ ...mentor, name: "另一位" }, { expectedVersion: null, at: WRITE_AT }),
      ]);
      oneWinner(results);
      expect((await s.mentors.get(mentor.id))?.version).toBe(1);
    });

    h.it(
      "two transactions writing what they read at one version: exactly one commits",
      async (s) => {
        const scope = newSampleScope();
        const plan = sampleEntity("assistancePlans", scope);
        const read = await s.assistancePlans.put(plan, { expectedVersion: null, at: WRITE_AT });
        const marker = (n: number) => sampleEntity("contacts", scope, { summary: `writer ${n}` });
        const markers = [marker(0), marker(1)];
        const writer = (n: number) =>
          s.transaction(async (tx) => {
            await tx.contacts.put(markers[n]!, { expectedVersion: null, at: WRITE_AT });
            await tx.assistancePlans.put(
              { ...plan, reviewOn: n === 0 ? "2026-05-01" : "2026-06-01" },
              { expectedVersion: read.version, at: WRITE_AT },
            );
          });
        const results = await Promise.allSettled([writer(0), writer(1)]);
        oneWinner(results);
        const winner = results.findIndex((r) => r.status === "fulfilled");
        expect((await s.assistancePlans.get(plan.id))?.version).toBe(2);
        expect(await s.contacts.get(markers[winner]!.id)).not.toBeNull();
        if (s.capabilities.transactions) {
          expect(await s.contacts.get(markers[1 - winner]!.id)).toBeNull();
        }
      },
    );

    h.it("many concurrent increments: every success is one version, none lost", async (s) => {
      const school = sampleEntity("schools", newSampleScope());
      await s.schools.put(school, { expectedVersion: null, at: WRITE_AT });
      let successes = 0;
      await Promise.all(
        Array.from({ length: 8 }, async (_, n) => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const current = (await s.schools.get(school.id))!;
            try {
              await s.schools.put(
                { ...current.value, name: `${current.value.name}+${n}` },
                { expectedVersion: current.version, at: WRITE_AT },
              );
              successes++;
              return;
            } catch (e) {
              if (!(e instanceof ConflictError)) throw e;
            }
          }
        }),
      );
      const final = (await s.schools.get(school.id))!;
      expect(successes).toBe(8);
      expect(final.version).toBe(9);
      expect(final.value.name.split("+")).toHaveLength(9);
    });
  });
}
