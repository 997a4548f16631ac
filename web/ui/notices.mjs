// Notices at the top of the page: what went wrong or needs saying, each with its own close button;
// the oldest go once there are more than four.

const most_shown = 4;

export function notices(list) {
  return function notify(text, kind = 'error') {
    const item = document.createElement('p');
    item.className = `notice ${kind}`;
    item.textContent = text;
    const close = Object.assign(document.createElement('button'), { type: 'button', className: 'icon tiny', textContent: '×', title: 'Dismiss' });
    close.addEventListener('click', () => item.remove());
    item.append(close);
    list.append(item);
    while (list.children.length > most_shown) list.firstElementChild.remove();
  };
}
