// “Nhập từ Excel”: refuse a file that cannot be accepted before it is sent (the server checks everything again).
(function () {
    'use strict';
    var MAX_BYTES = 2 * 1024 * 1024;
    document.querySelectorAll('form[data-excel-import]').forEach(function (form) {
        var input = form.querySelector('input[type="file"]');
        if (!input) return;
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            var message = '';
            if (file && !/\.xlsx$/i.test(file.name)) message = 'Chỉ nhận tệp Excel .xlsx theo mẫu tải về.';
            else if (file && file.size > MAX_BYTES) message = 'Tệp quá lớn; chỉ nhận tệp tối đa 2 MB.';
            input.setCustomValidity(message);
            if (message) input.reportValidity();
        });
    });
})();
