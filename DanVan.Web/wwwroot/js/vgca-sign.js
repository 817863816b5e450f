// Optional (decision 0022): when the VGCA Sign Service plugin script (the vendor's, not shipped) is on the page,
// offer to sign through it. The portal opens a one-time session and gives the plugin its URLs: FileName = the file
// to sign, FileUploadHandler = where to post it signed. Without the plugin the button stays hidden and the manual
// form is the way.
(function () {
    const button = document.querySelector('[data-vgca-sign]');
    if (!button) return;
    const step = button.dataset.step;
    const sign = step === 'agency' ? window.vgca_sign_issued : window.vgca_sign_approved;
    if (typeof sign !== 'function') return;
    button.classList.remove('d-none');
    button.addEventListener('click', async () => {
        const form = button.closest('form');
        const body = new FormData();
        body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
        body.append('step', step);
        const response = await fetch(`/reports/${encodeURIComponent(button.dataset.period)}/signing`, { method: 'POST', body, credentials: 'same-origin' });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
            window.alert(answer.detail || 'Không mở được phiên ký số.');
            return;
        }
        const prms = { FileName: answer.downloadUrl, FileUploadHandler: answer.uploadUrl, SessionId: '', JWTToken: '' };
        sign(JSON.stringify(prms), () => window.location.reload());
    });
})();
