"""One Python system running one workload in a process of its own (see bench/peers/child.ts):

    .bench-venv/bin/python bench/peers/py/child.py <raw-py|neomodel> '<job json>'

Prints one JSON report as its last line. The data formulas mirror bench/peers/data.ts exactly.
"""

import hashlib
import json
import os
import resource
import sys
import time

FILTER_LIMIT = 20


# Which persons person(i) describes: the workload's own or the rehearsal set a first pass writes to
# (as withPersons in data.ts).
PREFIXES = {"workload": "person", "rehearsal": "rehearsal"}
current_prefix = PREFIXES["workload"]


def use_persons(person_set):
    global current_prefix
    current_prefix = PREFIXES[person_set]


def person(i):
    return {
        "email": f"{current_prefix}{i}@example.com",
        "name": f"Person {i}",
        "age": 18 + (i * 7) % 60,
    }


def visit(j, count):
    return (j * 7919) % count


def pair(j, count):
    source = j % count
    return source, (source + 1 + j // count) % count


def age_window(j):
    low = 18 + (j % 50)
    return low, low + 9


def person_line(email, name, age):
    return f"{email}|{name}|{int(age)}"


def checksum(lines):
    digest = hashlib.sha1()
    for line in lines:
        digest.update(f"{line}\n".encode())
    return digest.hexdigest()


def rss_mb():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pair_emails(job):
    return [
        (person(a)["email"], person(b)["email"])
        for a, b in (pair(j, job["persons"]) for j in range(job["n"]))
    ]


def batches(items, size=10_000):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class RawPython:
    """The raw Python driver: hand-written Cypher, one auto-commit query per one-by-one operation,
    UNWIND batches of 10k in one managed transaction for bulk writes."""

    def open(self):
        from neo4j import GraphDatabase

        self.driver = GraphDatabase.driver(
            os.environ["NEO4J_URI"],
            auth=(os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")),
        )
        self.driver.verify_connectivity()

    def close(self):
        self.driver.close()

    def run(self, cypher, read=True, **params):
        with self.driver.session(default_access_mode="READ" if read else "WRITE") as session:
            return list(session.run(cypher, params))

    def create(self, job):
        def work(tx):
            ids = []
            for batch in batches(person(i) for i in range(job["n"])):
                result = tx.run(
                    "UNWIND $rows AS row CREATE (p:Person) SET p = row RETURN elementId(p) AS id",
                    rows=batch,
                )
                ids.extend(record["id"] for record in result)
            return ids

        with self.driver.session() as session:
            return {"rows": len(set(session.execute_write(work)))}

    def relate(self, job):
        def work(tx):
            for batch in batches({"from": a, "to": b} for a, b in pair_emails(job)):
                tx.run(
                    "UNWIND $pairs AS pair MATCH (a:Person {email: pair.from}) "
                    "MATCH (b:Person {email: pair.to}) MERGE (a)-[:KNOWS]->(b)",
                    pairs=batch,
                ).consume()

        with self.driver.session() as session:
            session.execute_write(work)
        return {"rows": job["n"]}

    def relate_one(self, job):
        for a, b in pair_emails(job):
            self.run(
                "MATCH (a:Person {email: $a}) MATCH (b:Person {email: $b}) "
                "MERGE (a)-[r:KNOWS]->(b) RETURN elementId(r)",
                read=False,
                a=a,
                b=b,
            )
        return {"rows": job["n"]}

    def read(self, job):
        lines = []
        for j in range(job["n"]):
            records = self.run(
                "MATCH (p:Person {email: $email}) RETURN p",
                email=person(visit(j, job["persons"]))["email"],
            )
            node = records[0]["p"]
            lines.append(person_line(node["email"], node["name"], node["age"]))
        return {"rows": len(lines), "lines": lines}

    def filter(self, job):
        lines, rows = [], 0
        for j in range(job["n"]):
            low, high = age_window(j)
            records = self.run(
                "MATCH (p:Person) WHERE p.age >= $low AND p.age <= $high "
                "RETURN p ORDER BY p.age DESC, p.email ASC LIMIT $limit",
                low=low,
                high=high,
                limit=FILTER_LIMIT,
            )
            found = [dict(record["p"]) for record in records]
            rows += len(found)
            lines.append(",".join(p["email"] for p in found))
        return {"rows": rows, "lines": lines}

    def fof(self, job):
        lines, rows = [], 0
        for j in range(job["n"]):
            email = person(visit(j, job["persons"]))["email"]
            records = self.run(
                "MATCH (:Person {email: $email})-[:KNOWS]->(:Person)-[:KNOWS]->(f:Person) RETURN DISTINCT f",
                email=email,
            )
            found = [dict(record["f"]) for record in records]
            rows += len(found)
            lines.append(email + ":" + ",".join(sorted(p["email"] for p in found)))
        return {"rows": rows, "lines": lines}

    def save(self, job):
        for j in range(job["n"]):
            node = self.run(
                "MATCH (p:Person {email: $email}) RETURN p",
                email=person(visit(j, job["persons"]))["email"],
            )[0]["p"]
            self.run(
                "MATCH (p) WHERE elementId(p) = $id SET p.age = $age",
                read=False,
                id=node.element_id,
                age=node["age"] + 1,
            )
        return {"rows": job["n"]}


class Neomodel:
    """neomodel 7, written as its docs recommend: StructuredNode models, nodes.bulk_create,
    nodes.get / filter / order_by / slicing, rel.connect between loaded nodes, node.save()."""

    def open(self):
        from neomodel import config, db

        host = os.environ["NEO4J_URI"].split("://", 1)[1]
        user = os.environ.get("NEO4J_USERNAME", "neo4j")
        password = os.environ.get("NEO4J_PASSWORD", "")
        config.DATABASE_URL = f"bolt://{user}:{password}@{host}"
        from neomodel_models import Person

        self.Person = Person
        self.db = db
        db.cypher_query("RETURN 1")

    def close(self):
        self.db.close_connection()

    def create(self, job):
        created = self.Person.nodes.bulk_create(*(person(i) for i in range(job["n"])))
        return {"rows": len({node.element_id for node in created})}

    def relate(self, job):
        """neomodel has no bulk connect: the persons are loaded once, then connected one by one."""
        emails = [person(i)["email"] for i in range(job["persons"])]
        by_email = {p.email: p for p in self.Person.nodes.filter(email__in=emails)}
        for a, b in pair_emails(job):
            by_email[a].friends.connect(by_email[b])
        return {"rows": job["n"]}

    def relate_one(self, job):
        for a, b in pair_emails(job):
            source = self.Person.nodes.get(email=a)
            source.friends.connect(self.Person.nodes.get(email=b))
        return {"rows": job["n"]}

    def read(self, job):
        lines = []
        for j in range(job["n"]):
            p = self.Person.nodes.get(email=person(visit(j, job["persons"]))["email"])
            lines.append(person_line(p.email, p.name, p.age))
        return {"rows": len(lines), "lines": lines}

    def filter(self, job):
        lines, rows = [], 0
        for j in range(job["n"]):
            low, high = age_window(j)
            found = list(
                self.Person.nodes.filter(age__gte=low, age__lte=high).order_by("-age", "email")[
                    :FILTER_LIMIT
                ]
            )
            rows += len(found)
            lines.append(",".join(p.email for p in found))
        return {"rows": rows, "lines": lines}

    def fof(self, job):
        lines, rows = [], 0
        for j in range(job["n"]):
            email = person(visit(j, job["persons"]))["email"]
            # Filtering along a path returns each row with the path's nodes and relationships,
            # the matched person first; one person appears once per path.
            rows_of_paths = self.Person.nodes.filter(known_by__known_by__email=email)
            found = {}
            for row in rows_of_paths:
                p = row[0] if isinstance(row, list) else row
                found[p.email] = p
            rows += len(found)
            lines.append(email + ":" + ",".join(sorted(found)))
        return {"rows": rows, "lines": lines}

    def save(self, job):
        for j in range(job["n"]):
            p = self.Person.nodes.get(email=person(visit(j, job["persons"]))["email"])
            p.age += 1
            p.save()
        return {"rows": job["n"]}


SYSTEMS = {"raw-py": RawPython, "neomodel": Neomodel}
OPERATIONS = {"relate-one": "relate_one"}


def run_pass(work, job):
    """Runs one pass of the workload and measures it (as pass() in child.ts)."""
    cpu_before = time.process_time()
    started = time.perf_counter()
    outcome = work(job)
    report = {
        "seconds": time.perf_counter() - started,
        "cpuSeconds": time.process_time() - cpu_before,
        "rows": outcome["rows"],
    }
    if "lines" in outcome:
        report["checksum"] = checksum(outcome["lines"])
    return report


def first_pass(work, job):
    """The untimed first pass on the persons job["firstPass"] names (as firstPass() in child.ts)."""
    first = job["firstPass"]
    use_persons(first["on"])
    try:
        rehearsal = {**job, "n": first["n"], "persons": first["persons"]}
        report = run_pass(work, rehearsal)
        for _ in range(1, first["times"]):
            work(rehearsal)
        return report
    finally:
        use_persons("workload")


MESSAGE_PREFIX = "@bench "


def send(message):
    print(MESSAGE_PREFIX + json.dumps(message), flush=True)


def main():
    name, job = sys.argv[1], json.loads(sys.argv[2])
    system = SYSTEMS[name]()
    work = getattr(system, OPERATIONS.get(job["op"], job["op"]), None)
    if work is None:
        send({"unsupported": f"{name} has no {job['op']}"})
        return
    system.open()
    try:
        first = first_pass(work, job)
        send({"ready": {"firstPass": first, "baseRssMb": rss_mb()}})
        while sys.stdin.readline().strip() == "pass":
            send({"pass": run_pass(work, job)})
    finally:
        system.close()
    send({"closed": {"peakRssMb": rss_mb()}})


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # reported to the parent, which marks the run as failed
        send({"error": f"{type(error).__name__}: {str(error)[:500]}"})
        sys.exit(1)
