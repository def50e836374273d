import { useEffect, useState, type FormEvent } from "react";
import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { messageOf, useLoad } from "../../app/async";
import { Status } from "../../components/Status";
import { useDatasets } from "../../components/useDatasets";
import { FINISHED, fractionOf, rawCells, readingFields } from "./model";

/** Datasets you may read, an upload that queues an ingest job (with its progress), your jobs, and the quarantine. */
export default function Datasets() {
  const t = useT();
  const datasets = useDatasets();
  const [quarantine, setQuarantine] = useState<string | null>(null);
  return (
    <section aria-labelledby="datasets-title">
      <h1 id="datasets-title">{t("datasets.title")}</h1>
      <Status loaded={datasets}>{(items) => (
        <>
          <table data-testid="datasets">
            <thead><tr><th>{t("prov.dataset")}</th><th>{t("prov.agency")}</th><th>{t("prov.handling")}</th><th>{t("prov.legalBasis")}</th><th>{t("datasets.compartment")}</th><th /></tr></thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.name}>
                  <td><strong>{d.name}</strong><div className="muted">{d.label}</div></td><td>{d.agency}</td>
                  <td><span className={`badge handling-${d.handling}`}>{d.handling}</span></td><td>{d.legalBasis}</td><td>{d.compartment}</td>
                  <td><button type="button" className="secondary" onClick={() => setQuarantine(d.name)}>{t("datasets.quarantine")}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {quarantine && <Quarantine dataset={quarantine} />}
          <Upload datasets={items.map((d) => d.name)} />
        </>
      )}</Status>
      <Jobs />
    </section>
  );
}

function Upload({ datasets }: { datasets: string[] }) {
  const t = useT();
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [dataset, setDataset] = useState(datasets[0] ?? "");
  const [columns, setColumns] = useState("");
  const [skipRows, setSkipRows] = useState("");
  const [job, setJob] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    try {
      const form: { file: File; dataset: string; mapping?: File; columns?: string; skipRows?: string } = {
        file, dataset, ...(mapping ? { mapping } : {}), ...readingFields(columns, skipRows),
      };
      const j = await unwrap(await api.api.jobs.$post({ form }));
      setJob(j.id);
    } catch (err) { setError(messageOf(err)); }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="upload-title">
      <h2 id="upload-title">{t("datasets.upload")}</h2>
      <div className="row">
        <label htmlFor="up-file">{t("datasets.file")}</label>
        <input id="up-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
        <label htmlFor="up-mapping">{t("datasets.mapping")}</label>
        <input id="up-mapping" type="file" accept=".yml,.yaml" onChange={(e) => setMapping(e.target.files?.[0] ?? null)} />
        <label htmlFor="up-dataset">{t("datasets.dataset")}</label>
        <select id="up-dataset" value={dataset} onChange={(e) => setDataset(e.target.value)}>{datasets.map((d) => <option key={d}>{d}</option>)}</select>
        <button type="submit" disabled={!file}>{t("datasets.submit")}</button>
      </div>
      <div className="row">
        <label htmlFor="up-columns">{t("datasets.columns")}</label>
        <input id="up-columns" type="text" placeholder="a,b,c" value={columns} onChange={(e) => setColumns(e.target.value)} />
        <label htmlFor="up-skip">{t("datasets.skipRows")}</label>
        <input id="up-skip" type="number" min={0} value={skipRows} onChange={(e) => setSkipRows(e.target.value)} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {job && <JobProgress id={job} />}
    </form>
  );
}

/** Polls a job until it ends, showing bytes and rows. */
function JobProgress({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const [job, setJob] = useState<{ status: string; progress: Record<string, unknown>; error: { message: string } | null } | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await unwrap(await api.api.jobs[":id"].$get({ param: { id } }));
        if (!live) return;
        setJob(j);
        if (!FINISHED.has(j.status)) timer = setTimeout(() => void poll(), 1000);
      } catch { /* shown by the next poll */ }
    };
    void poll();
    return () => { live = false; if (timer) clearTimeout(timer); };
  }, [api, id]);
  if (!job) return <p role="status">{t("common.loading")}</p>;
  const f = fractionOf(job.progress);
  return (
    <div role="status" aria-live="polite" data-testid="job-progress">
      <progress max={1} value={f ?? (FINISHED.has(job.status) ? 1 : undefined)} aria-label={t("datasets.jobs")} /> {job.status} ·{" "}
      {t("datasets.progress", { rows: Number(job.progress["rows"] ?? 0), quarantined: Number(job.progress["quarantined"] ?? 0) })}
      {job.error && <span className="error"> {job.error.message}</span>}
    </div>
  );
}

function Jobs() {
  const t = useT();
  const api = useApi();
  const [loaded] = useLoad(async () => (await unwrap(await api.api.jobs.$get({ query: { limit: "20" } }))).items, [api]);
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t("datasets.jobs")}</h2>
      <Status loaded={loaded}>{(jobs) => jobs.length === 0 ? <p className="muted">{t("common.none")}</p> : (
        <table><tbody>{jobs.map((j) => (
          <tr key={j.id}><td>{j.createdAt.slice(0, 16).replace("T", " ")}</td><td>{j.dataset}</td><td>{j.fileName}</td><td>{j.status}</td>
            <td>{t("datasets.progress", { rows: Number(j.progress["rows"] ?? 0), quarantined: Number(j.progress["quarantined"] ?? 0) })}</td></tr>
        ))}</tbody></table>
      )}</Status>
    </section>
  );
}

function Quarantine({ dataset }: { dataset: string }) {
  const t = useT();
  const api = useApi();
  const [loaded] = useLoad(async () => (await unwrap(await api.api.quarantine.$get({ query: { dataset, limit: "100" } }))).items, [api, dataset]);
  return (
    <section className="panel" aria-labelledby="q-title" data-testid="quarantine">
      <h2 id="q-title">{t("datasets.quarantine")}: {dataset}</h2>
      <Status loaded={loaded}>{(rows) => rows.length === 0 ? <p className="muted">{t("common.none")}</p> : (
        <table>
          <thead><tr><th>{t("datasets.row")}</th><th>{t("datasets.column")}</th><th>{t("access.reason")}</th><th>{t("datasets.raw")}</th></tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={`${r.runId}-${r.row}-${r.column}`}>
              <td title={r.file}>{r.file.split("/").pop()}:{r.row}</td><td>{r.column}</td><td>{r.kind}: {r.reason}</td>
              <td>{rawCells(r.raw).map(([k, v]) => <span key={k} className="badge">{k ? `${k}: ` : ""}{v}</span>)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}</Status>
    </section>
  );
}
