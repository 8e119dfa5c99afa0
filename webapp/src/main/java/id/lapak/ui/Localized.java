package id.lapak.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The texts web components carry themselves (month and day names of a date picker, an upload's button and drop
 * hint), in the person's language: Indonesian month and day names and Monday as the first day of the week, not
 * the component's English defaults. Every date picker and upload of the portal goes through here (a test checks).
 */
public final class Localized {

    private Localized() {}

    public static DatePicker datePicker(DatePicker picker) {
        Locale locale = picker.getLocale() == null ? Locale.ENGLISH : picker.getLocale();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(1)
                .setToday(picker.getTranslation("datepicker.today"))
                .setCancel(picker.getTranslation("datepicker.cancel"))
                .setBadInputErrorMessage(picker.getTranslation("datepicker.badInput")));
        return picker;
    }

    public static Upload upload(Upload upload) {
        UploadI18N i18n = new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(upload.getTranslation("upload.addFile"))
                        .setMany(upload.getTranslation("upload.addFiles")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(upload.getTranslation("upload.dropFile"))
                        .setMany(upload.getTranslation("upload.dropFiles")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(upload.getTranslation("upload.error.tooMany"))
                        .setFileIsTooBig(upload.getTranslation("upload.error.tooBig"))
                        .setIncorrectFileType(upload.getTranslation("upload.error.type")))
                .setFile(new UploadI18N.File()
                        .setRetry(upload.getTranslation("upload.retry"))
                        .setStart(upload.getTranslation("upload.start"))
                        .setRemove(upload.getTranslation("upload.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
        return upload;
    }
}
