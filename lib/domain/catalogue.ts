// The whole catalogue in both languages, for the server, the CLI and the tests: importing this
// module is what lets them render a LocalText (lib/domain/local-text.ts). Browser code never
// imports it: a page's client code renders with the namespaces its provider sent
// (components/ui/use-text-catalogue.ts), so the catalogue is not shipped in its JavaScript.
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { provideCatalogue } from './local-text';

provideCatalogue('en', en);
provideCatalogue('zh', zh);
