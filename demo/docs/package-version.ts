// Pages that quote the package's version show the current one from package.json.
import { version } from '../../package.json';

for (const element of document.querySelectorAll('[data-package-version]')) {
  element.textContent = version;
}
