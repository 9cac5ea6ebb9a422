// Progressive enhancement: reload the status page once the upload has been read. Without
// JavaScript the page offers a "Check again" link instead.
const panel = document.getElementById('upload-status');
const job = panel?.dataset.job;
async function poll() {
  try {
    const res = await fetch(`/api/v1/uploads/${job}`, { headers: { accept: 'application/json' } });
    if (res.ok) {
      const body = await res.json();
      if (body.status !== 'queued' && body.status !== 'running') {
        window.location.reload();
        return;
      }
    }
  } catch {
    // try again below
  }
  setTimeout(poll, 2000);
}
if (job) setTimeout(poll, 1500);
